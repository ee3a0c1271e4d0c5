using Platform.Records.Aggregation;

namespace Platform.Records.Query.Aggregation;

/// <summary>One way of grouping: by a field's value, or a date field's day, week, month, quarter or year.</summary>
public sealed record AggregateGroup(string Field, DateBucket? Bucket = null);

/// <summary>
/// One figure worked out per group: a count of records, or a function of a field — over all the group's records, or only those
/// its own OData <paramref name="Filter"/> picks (won deals among all deals: <c>stage eq 'won'</c>).
/// </summary>
public sealed record AggregateMeasure(string Name, MeasureFunction Function, string? Field = null, string? Filter = null);

/// <summary>
/// A question for <see cref="RecordAggregation"/>: the records an OData <c>$filter</c> picks (all when null), grouped by up to
/// <see cref="RecordAggregation.MostGroups"/> fields, with the measures of each group.
/// </summary>
public sealed record AggregateRequest(IReadOnlyList<AggregateGroup> Groups, IReadOnlyList<AggregateMeasure> Measures, string? Filter = null);

/// <summary>One group: its key values in the order of the request's groups (a bucket as text, <c>2026-03</c>) and its measures in theirs.</summary>
public sealed record AggregateRow(IReadOnlyList<object?> Keys, IReadOnlyList<object?> Values);
