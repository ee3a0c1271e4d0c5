using Platform.Records.Aggregation;
using Platform.Records.Query.Aggregation;

namespace Platform.Reports.Services;

/// <summary>
/// The totals of a grouped report worked out from its groups, where that gives exactly what the database would: counts and sums add
/// up, the smallest of the minimums and the largest of the maximums — one query fewer per report. Over no groups, counts are 0 and
/// the rest empty, as the database answers over no records.
/// </summary>
public static class ReportTotals
{
    public static IReadOnlyList<object?> Of(IReadOnlyList<AggregateRow> rows, IReadOnlyList<AggregateMeasure> measures) => Of(rows, measures, partly: false);

    /// <summary>Those totals that add up from the groups; the others (averages, distinct counts) empty.</summary>
    public static IReadOnlyList<object?> AddingUp(IReadOnlyList<AggregateRow> rows, IReadOnlyList<AggregateMeasure> measures) => Of(rows, measures, partly: true);

    /// <summary>Whether a measure's total adds up from its groups' figures.</summary>
    public static bool AddsUp(AggregateMeasure measure) => measure.Function is not (MeasureFunction.Average or MeasureFunction.CountDistinct);

    private static IReadOnlyList<object?> Of(IReadOnlyList<AggregateRow> rows, IReadOnlyList<AggregateMeasure> measures, bool partly) =>
        [.. measures.Select((measure, i) =>
        {
            var values = rows.Select(r => r.Values[i]).Where(v => v is not null).ToList();
            return measure.Function switch
            {
                MeasureFunction.Count => values.Count == 0 ? 0 : Add(values),
                MeasureFunction.Sum => values.Count == 0 ? (rows.Count == 0 ? null : rows[0].Values[i]) : Add(values),
                MeasureFunction.Min => values.Count == 0 ? null : values.Min(Comparer<object?>.Default),
                MeasureFunction.Max => values.Count == 0 ? null : values.Max(Comparer<object?>.Default),
                _ when partly => null,
                _ => throw new ArgumentException($"{measure.Function} does not add up from groups.", nameof(measures)),
            };
        })];

    /// <summary>The values added in the type they come in: decimals exactly, whole numbers as whole numbers.</summary>
    private static object Add(List<object?> values) => values[0] switch
    {
        decimal => values.Sum(v => (decimal)v!),
        long => values.Sum(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)),
        int => values.Sum(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)) is var whole && whole <= int.MaxValue ? (int)whole : whole,
        _ => values.Sum(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
