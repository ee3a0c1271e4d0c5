using System.Globalization;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.Aggregation;
using Platform.Records.Query;
using Platform.Records.Query.Aggregation;
using Platform.Reports.Models;

namespace Platform.Reports.Services;

/// <summary>
/// Answers a report's question: checks it, narrows it to its period, groups and measures in the database (one GROUP BY query,
/// and one more for the totals of a grouped report), over what the reader may read, works out computed measures and labels the
/// groups. A saved report's pivot columns group too; its comparison (previous period, same period last year) is asked again
/// over the shifted period.
/// </summary>
public sealed class ReportRunner(IRecordStore records, ReportLabels labels, ComputedMeasures computed, TimeProvider clock)
{
    /// <summary>A pivot lays out at most this many columns across; the rest are named as left out, and counted in the totals.</summary>
    public const int MostPivotColumns = 100;

    /// <param name="totals">
    /// False where the totals are not shown (a chart on a page or dashboard): those that add up from the groups are still given,
    /// averages and distinct counts, which would take one more query, are left empty.
    /// </param>
    /// <exception cref="AggregateRefusedException">The question cannot be answered as asked (says where and why); <c>Reports.Error.UnknownEntity</c> and <c>Reports.Error.Forbidden</c> for an entity the reader cannot report on.</exception>
    public async Task<ReportAnswer> RunAsync(ReportQuestion question, Actor actor, CultureInfo culture, CancellationToken cancellationToken, bool totals = true)
    {
        await using var reader = await records.OpenReaderAsync(question.Entity, actor, cancellationToken)
            ?? throw new AggregateRefusedException("entity", "Reports.Error.UnknownEntity", $"There is no entity '{question.Entity}'.", question.Entity);
        if (reader.Forbidden)
        {
            throw new AggregateRefusedException("entity", "Reports.Error.Forbidden", $"Your roles do not let you read {question.Entity}.", question.Entity);
        }

        var today = Today();
        var filter = Filter(reader, question, question.Period?.Days(today));
        ReportAnswer answer;
        if (question is ReportDefinition { Display: "pivot", Columns.Count: > 0 } pivot)
        {
            // The columns first: past MostPivotColumns only the first are laid out (their cells asked for alone), the totals still over all.
            var columns = await AnswerAsync(reader, pivot.GroupedBy(pivot.Columns), filter, culture, cancellationToken);
            var hidden = Math.Max(0, columns.Rows.Count - MostPivotColumns);
            var cellsFilter = hidden == 0 ? filter : string.Join(" or ", columns.Rows.Take(MostPivotColumns).Select(c => $"({c.Drill})"));
            var cells = await AnswerAsync(reader, question, cellsFilter, culture, cancellationToken, new DrillFrom(filter));
            answer = cells with
            {
                Totals = columns.Totals,
                Drill = filter,
                RowTotals = await AnswerAsync(reader, pivot.GroupedBy(pivot.Groups), filter, culture, cancellationToken),
                ColumnTotals = hidden == 0 ? columns : columns with { Rows = [.. columns.Rows.Take(MostPivotColumns)] },
                HiddenColumns = hidden,
            };
            if (pivot.Groups.Count > 1)
            {
                // Subtotals of the outer groups down: two more GROUP BY queries per level.
                var subtotals = new List<PivotSubtotal>();
                for (var depth = 1; depth < pivot.Groups.Count; depth++)
                {
                    subtotals.Add(new PivotSubtotal(depth, await AnswerAsync(reader, pivot.GroupedBy([.. pivot.Groups.Take(depth)]), filter, culture, cancellationToken),
                        await AnswerAsync(reader, pivot.Outer(depth), cellsFilter, culture, cancellationToken, new DrillFrom(filter))));
                }

                answer = answer with { Subtotals = subtotals };
            }
        }
        else
        {
            answer = await AnswerAsync(reader, question, filter, culture, cancellationToken, withTotals: totals);
        }

        if (question is ReportDefinition { Compare: { } compare, Period.Range: not null } && question.Period?.Days(today) is { } days)
        {
            var earlier = ReportPeriod.Earlier(days, compare, question.Period.Range);
            answer = answer with { Comparison = await AnswerAsync(reader, question, Filter(reader, question, earlier), culture, cancellationToken), ComparedFrom = earlier.Start, ComparedTo = earlier.End.AddDays(-1) };
        }

        return answer;
    }

    /// <summary>Checks a saved report against its entity as it is now, without asking the database (a field since deleted, a function that no longer fits).</summary>
    /// <exception cref="AggregateRefusedException">The first problem, and where.</exception>
    public static void Check(RecordsSchema schema, ReportDefinition report)
    {
        if (report.Labels.Values.All(string.IsNullOrWhiteSpace))
        {
            throw new AggregateRefusedException("labels", "Reports.Error.NoLabel", "A report needs a title (labels).");
        }

        Choice(report.Display, ReportDefinition.Displays, "display", "Reports.Error.Display");
        if (report.Display == "chart")
        {
            Choice(report.Chart, ReportDefinition.Charts, "chart", "Reports.Error.Chart");
        }

        if (report.Compare is not null)
        {
            Choice(report.Compare, ReportDefinition.Comparisons, "compare", "Reports.Error.Compare");
            if (report.Period?.Range is null)
            {
                throw new AggregateRefusedException("compare", "Reports.Error.CompareNeedsPeriod", "A comparison needs a period relative to today (period.range).");
            }
        }

        for (var i = 0; i < report.Measures.Count; i++)
        {
            if (report.Measures[i].Format is { } format)
            {
                Choice(format, ReportDefinition.Formats, $"measures[{i}].format", "Reports.Error.Format");
            }
        }

        var entity = schema.Find(report.Entity) ?? throw new AggregateRefusedException("entity", "Reports.Error.UnknownEntity", $"There is no entity '{report.Entity}'.", report.Entity);
        var (groups, measures, _) = Prepare(report);
        RecordAggregation.Check(schema, entity, Platform.Core.Records.FieldAccess.Open, new AggregateRequest(groups, measures, report.Filter));
        if (report.Period is { } period)
        {
            PeriodField(entity, Platform.Core.Records.FieldAccess.Open, period, LookupReach.Unread(schema));
            if (period.Range is not null && !ReportPeriod.Ranges.Contains(period.Range))
            {
                throw new AggregateRefusedException("period.range", "Reports.Error.Range",
                    $"'{period.Range}' is not a period: use {string.Join(", ", ReportPeriod.Ranges)}, or from and to.", period.Range, string.Join(", ", ReportPeriod.Ranges));
            }
        }
    }

    /// <param name="drilled">The filter the groups' drill-downs start from, when it says the same more shortly than <paramref name="filter"/> (a capped pivot's cells).</param>
    private async Task<ReportAnswer> AnswerAsync(IRecordReader reader, ReportQuestion question, string? filter, CultureInfo culture, CancellationToken cancellationToken,
        DrillFrom? drilled = null, bool withTotals = true)
    {
        var (groups, measures, scripts) = Prepare(question);
        var rows = await RecordAggregation.RunAsync(reader, new AggregateRequest(groups, measures, filter), cancellationToken);
        // Counts, sums, minimums and maximums add up from the groups; averages and distinct counts are asked of the database again.
        var totals = groups.Count == 0 ? First(rows)
            : measures.All(ReportTotals.AddsUp) ? ReportTotals.Of(rows, measures)
            : withTotals ? First(await RecordAggregation.RunAsync(reader, new AggregateRequest([], measures, filter), cancellationToken))
            : ReportTotals.AddingUp(rows, measures);
        rows = [.. rows.Select(r => new AggregateRow(r.Keys, All(question, scripts, r.Values)))];
        var columns = Groups(question).Select((g, i) => Column(reader, g.Field, Path(question, i), culture))
            .Concat(question.Measures.Select((m, i) => new ReportColumn(m.Name, m.Label?.For(culture.Name) ?? m.Name, false, Kind(reader, m, i))));
        var keys = groups.Select(g => AggregateField.Resolve(reader, g.Field, "groups") is var field
            ? new ReportDrill.Key(field.ODataName, g.Bucket, field.IsDate, field.ClrType != typeof(DateOnly?) && field.ClrType != typeof(DateOnly),
                (Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType) == typeof(Guid)) : null!).ToList();
        var labelled = await labels.LabelAsync(reader, groups, rows, culture, cancellationToken);
        return new ReportAnswer([.. columns], [.. labelled.Select(r => r with { Drill = ReportDrill.Filter(drilled is null ? filter : drilled.Filter, keys, [.. r.Keys.Select(k => k.Value)]) })],
            All(question, scripts, totals ?? [.. measures.Select(_ => (object?)null)]))
        {
            Drill = filter,
        };
    }

    /// <summary>The groups a question asks for: its own, then a saved report's columns (a pivot's across, a chart's series).</summary>
    private static List<ReportGroup> Groups(ReportQuestion question) =>
        question is ReportDefinition report ? [.. report.Groups, .. report.Columns] : question.Groups;

    private static string Path(ReportQuestion question, int index) =>
        index < question.Groups.Count ? $"groups[{index}].field" : $"columns[{index - question.Groups.Count}].field";

    /// <summary>The question's groups, database measures and computed measures, each checked (names, functions, buckets, expressions).</summary>
    private static (List<AggregateGroup> Groups, List<AggregateMeasure> Measures, IReadOnlyList<(int Index, Platform.Rules.CompiledScript Script)> Scripts) Prepare(ReportQuestion question)
    {
        var groups = Groups(question).Select((g, i) => new AggregateGroup(g.Field,
            g.Bucket is null ? null : Named<DateBucket>(g.Bucket, Path(question, i).Replace(".field", ".bucket", StringComparison.Ordinal), "Reports.Error.Bucket"))).ToList();
        var measures = question.Measures.Select((m, i) => (Measure: m, Index: i)).Where(m => m.Measure.Expression is null)
            .Select(s => new AggregateMeasure(s.Measure.Name, Named<MeasureFunction>(s.Measure.Function, $"measures[{s.Index}].function", "Reports.Error.Function"),
                s.Measure.Field, s.Measure.Filter)).ToList();
        var duplicate = question.Measures.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new AggregateRefusedException("measures", "Reports.Error.SameName", $"Two measures are called '{duplicate.Key}'.", duplicate.Key);
        }

        if (measures.Count == 0)
        {
            throw new AggregateRefusedException("measures", "Reports.Error.Measures", $"A report needs 1 to {RecordAggregation.MostMeasures} measures.", RecordAggregation.MostMeasures);
        }

        return (groups, measures, ComputedMeasures.Prepare(question.Measures));
    }

    private static IReadOnlyList<object?>? First(IReadOnlyList<AggregateRow> rows) => rows.Count > 0 ? rows[0].Values : null;

    /// <summary>Every measure of a group in the question's order: the database's figures, then the computed ones worked out from them.</summary>
    private object?[] All(ReportQuestion question, IReadOnlyList<(int Index, Platform.Rules.CompiledScript Script)> scripts, IReadOnlyList<object?> values)
    {
        var all = new object?[question.Measures.Count];
        var next = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (question.Measures[i].Expression is null)
            {
                all[i] = values[next++];
            }
        }

        computed.Fill(question.Measures, scripts, all);
        return all;
    }

    /// <summary>The filter drill-downs start from (null: every record the reader may read).</summary>
    private sealed record DrillFrom(string? Filter);

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.Local).DateTime);

    /// <summary>The question's filter and its period's condition, both to hold.</summary>
    private static string? Filter(IRecordReader reader, ReportQuestion question, (DateOnly Start, DateOnly End)? days)
    {
        if (question.Period is not { } period)
        {
            return question.Filter;
        }

        var field = PeriodField(reader.Entity, reader.Fields, period, LookupReach.Of(reader));
        var (start, end) = days ?? throw new AggregateRefusedException("period.range", "Reports.Error.Range",
            $"'{period.Range}' is not a period: use {string.Join(", ", ReportPeriod.Ranges)}, or from and to.", period.Range ?? "", string.Join(", ", ReportPeriod.Ranges));
        var condition = ReportPeriod.Condition(field.ODataName, field.ClrType != typeof(DateOnly?), start, end);
        return string.IsNullOrWhiteSpace(question.Filter) ? condition : $"({question.Filter}) and ({condition})";
    }

    private static AggregateField PeriodField(Platform.Core.Metadata.EntityDefinition entity, Platform.Core.Records.FieldAccess fields, ReportPeriod period, LookupReach reach)
    {
        var field = AggregateField.Resolve(entity, fields, period.Field, "period.field", reach);
        return field.IsDate ? field
            : throw new AggregateRefusedException("period.field", "Reports.Error.PeriodNeedsDate", $"'{field.Name}' is not a date: a period needs a date field.", field.Name);
    }

    private static ReportColumn Column(IRecordReader reader, string name, string path, CultureInfo culture)
    {
        var field = AggregateField.Resolve(reader, name, path);
        var label = field.Definition?.Label.For(culture.Name) is { Length: > 0 } own ? own : name[(name.LastIndexOf('/') + 1)..];
        // Through a lookup: the lookup's heading and the field's, 客户 · 地区; through a line's record, that record's entity's, 订单 · 订单日期.
        if (field.IsPath)
        {
            label = $"{ReportFields.StepHeading(reader.Schema, reader.Entity, name[..name.IndexOf('/', StringComparison.Ordinal)], culture.Name)} · {label}";
        }

        return new ReportColumn(name, label, true, field.Kind.Name);
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

    private static void Choice(string? value, string[] choices, string path, string code)
    {
        if (value is null || !choices.Contains(value, StringComparer.Ordinal))
        {
            throw new AggregateRefusedException(path, code, $"'{value}' is not one of {string.Join(", ", choices)}.", value ?? "", string.Join(", ", choices));
        }
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
