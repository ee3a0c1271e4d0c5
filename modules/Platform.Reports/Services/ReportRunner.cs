using System.Globalization;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.Aggregation;
using Platform.Records.Query.Aggregation;
using Platform.Reports.Models;

namespace Platform.Reports.Services;

/// <summary>
/// Answers a report's question: checks it, narrows it to its period, groups and measures in the database (one GROUP BY query,
/// and one more for the totals of a grouped report), over what the reader may read, and labels the groups.
/// </summary>
public sealed class ReportRunner(IRecordStore records, ReportLabels labels, ComputedMeasures computed, TimeProvider clock)
{
    /// <exception cref="AggregateRefusedException">The question cannot be answered as asked (says where and why); <c>Reports.Error.UnknownEntity</c> and <c>Reports.Error.Forbidden</c> for an entity the reader cannot report on.</exception>
    public async Task<ReportAnswer> RunAsync(ReportQuestion question, Actor actor, CultureInfo culture, CancellationToken cancellationToken)
    {
        await using var reader = await records.OpenReaderAsync(question.Entity, actor, cancellationToken)
            ?? throw new AggregateRefusedException("entity", "Reports.Error.UnknownEntity", $"There is no entity '{question.Entity}'.", question.Entity);
        if (reader.Forbidden)
        {
            throw new AggregateRefusedException("entity", "Reports.Error.Forbidden", $"Your roles do not let you read {question.Entity}.", question.Entity);
        }

        var groups = question.Groups.Select((g, i) => new AggregateGroup(g.Field, g.Bucket is null ? null : Named<DateBucket>(g.Bucket, $"groups[{i}].bucket", "Reports.Error.Bucket"))).ToList();
        var stored = question.Measures.Select((m, i) => (Measure: m, Index: i)).Where(m => m.Measure.Expression is null).ToList();
        var measures = stored.Select(s => new AggregateMeasure(s.Measure.Name, Named<MeasureFunction>(s.Measure.Function, $"measures[{s.Index}].function", "Reports.Error.Function"),
            s.Measure.Field, s.Measure.Filter)).ToList();
        var scripts = ComputedMeasures.Prepare(question.Measures);
        var duplicate = question.Measures.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new AggregateRefusedException("measures", "Reports.Error.SameName", $"Two measures are called '{duplicate.Key}'.", duplicate.Key);
        }

        var filter = Filter(reader, question);
        if (measures.Count == 0)
        {
            throw new AggregateRefusedException("measures", "Reports.Error.Measures", $"A report needs 1 to {RecordAggregation.MostMeasures} measures.", RecordAggregation.MostMeasures);
        }

        var rows = await RecordAggregation.RunAsync(reader, new AggregateRequest(groups, measures, filter), cancellationToken);
        var totals = groups.Count == 0 ? First(rows)
            : First(await RecordAggregation.RunAsync(reader, new AggregateRequest([], measures, filter), cancellationToken));
        rows = [.. rows.Select(r => new AggregateRow(r.Keys, All(question, stored, scripts, r.Values)))];
        var columns = question.Groups.Select((g, i) => Column(reader, g.Field, $"groups[{i}].field", culture))
            .Concat(question.Measures.Select((m, i) => new ReportColumn(m.Name, m.Label?.For(culture.Name) ?? m.Name, false, Kind(reader, m, i))));
        return new ReportAnswer([.. columns], await labels.LabelAsync(reader, groups, rows, culture, cancellationToken),
            All(question, stored, scripts, totals ?? [.. measures.Select(_ => (object?)null)]));
    }

    private static IReadOnlyList<object?>? First(IReadOnlyList<AggregateRow> rows) => rows.Count > 0 ? rows[0].Values : null;

    /// <summary>Every measure of a group in the question's order: the database's figures, then the computed ones worked out from them.</summary>
    private object?[] All(ReportQuestion question, List<(ReportMeasure Measure, int Index)> stored, IReadOnlyList<(int Index, Platform.Rules.CompiledScript Script)> scripts,
        IReadOnlyList<object?> values)
    {
        var all = new object?[question.Measures.Count];
        for (var i = 0; i < stored.Count; i++)
        {
            all[stored[i].Index] = values[i];
        }

        computed.Fill(question.Measures, scripts, all);
        return all;
    }

    /// <summary>The question's filter and its period's condition, both to hold.</summary>
    private string? Filter(IRecordReader reader, ReportQuestion question)
    {
        if (question.Period is not { } period)
        {
            return question.Filter;
        }

        var field = AggregateField.Resolve(reader, period.Field, "period.field");
        if (!field.IsDate)
        {
            throw new AggregateRefusedException("period.field", "Reports.Error.PeriodNeedsDate", $"'{field.Name}' is not a date: a period needs a date field.", field.Name);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.Local).DateTime);
        var days = period.Days(today) ?? throw new AggregateRefusedException("period.range", "Reports.Error.Range",
            $"'{period.Range}' is not a period: use {string.Join(", ", ReportPeriod.Ranges)}, or from and to.", period.Range ?? "", string.Join(", ", ReportPeriod.Ranges));
        var condition = ReportPeriod.Condition(field.Name, field.ClrType != typeof(DateOnly?), days.Start, days.End);
        return string.IsNullOrWhiteSpace(question.Filter) ? condition : $"({question.Filter}) and ({condition})";
    }

    private static ReportColumn Column(IRecordReader reader, string name, string path, CultureInfo culture)
    {
        var field = AggregateField.Resolve(reader, name, path);
        return new ReportColumn(name, field.Definition?.Label.For(culture.Name) is { Length: > 0 } label ? label : name, true, field.Kind.Name);
    }

    /// <summary>What a measure's values are: counts are whole numbers, averages of whole numbers decimals, the others take their field's kind.</summary>
    private static string Kind(IRecordReader reader, ReportMeasure measure, int index)
    {
        if (measure.Format is "percent" or "money")
        {
            return measure.Format;
        }

        if (measure.Expression is not null)
        {
            return "decimal";
        }

        var function = Named<MeasureFunction>(measure.Function, $"measures[{index}].function", "Reports.Error.Function");
        if (function is MeasureFunction.Count or MeasureFunction.CountDistinct || measure.Field is null)
        {
            return "integer";
        }

        var kind = AggregateField.Resolve(reader, measure.Field, $"measures[{index}].field").Kind;
        return function == MeasureFunction.Average && kind == Platform.Core.Metadata.FieldTypes.WholeNumber ? "decimal" : kind.Name;
    }

    /// <summary>A bucket or function by its name (<c>month</c>, <c>countDistinct</c>, any case); refused naming the choices when it is none of them.</summary>
    private static T Named<T>(string? name, string path, string code)
        where T : struct, Enum
    {
        if (name is { Length: > 0 } && char.IsLetter(name[0]) && Enum.TryParse<T>(name, ignoreCase: true, out var value))
        {
            return value;
        }

        var choices = string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw new AggregateRefusedException(path, code, $"'{name}' is not one of {choices}.", name ?? "", choices);
    }
}
