using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Core.Fields;
using Platform.Core.Metadata;
using Platform.Records;
using Platform.Records.Aggregation;
using Platform.Records.People;
using Platform.Records.Query.Aggregation;
using Platform.Reports.Models;

namespace Platform.Reports.Services;

/// <summary>
/// Labels the keys of a report's groups as people read them, in the reader's language: a lookup by its record's title (one query
/// per lookup column, only records the reader may read), a person or department by name, a choice by its label, yes/no, and
/// date buckets as 2026年3月 / Mar 2026. An empty key reads （空） / (empty).
/// </summary>
public sealed class ReportLabels(IPeopleDirectory people, IStringLocalizer text)
{
    public async Task<List<ReportRow>> LabelAsync(IRecordReader reader, IReadOnlyList<AggregateGroup> groups, IReadOnlyList<AggregateRow> rows, CultureInfo culture,
        CancellationToken cancellationToken)
    {
        var labels = new List<Func<object?, string>>();
        var orders = new List<Func<object?, object?>>();
        for (var i = 0; i < groups.Count; i++)
        {
            var field = AggregateField.Resolve(reader, groups[i].Field, $"groups[{i}].field");
            var values = rows.Select(r => r.Keys[i]).Where(v => v is not null).Distinct().ToList();
            var label = await LabellerAsync(reader, field, groups[i].Bucket, values!, culture, cancellationToken);
            labels.Add(label);
            orders.Add(Order(field, label));
        }

        var empty = text["Reports.Empty"].Value;
        var sorted = rows.Select(r => (Row: r, Order: (IReadOnlyList<object?>)[.. r.Keys.Select((k, i) => k is null ? null : orders[i](k))])).ToList();
        sorted.Sort((a, b) => AggregateKeyOrder.Compare(a.Order, b.Order));
        return [.. sorted.Select(s => new ReportRow([.. s.Row.Keys.Select((k, i) => new ReportKey(k is Guid id ? id.ToString() : k, k is null ? empty : labels[i](k)))], s.Row.Values))];
    }

    /// <summary>How groups follow each other: records and people by name (as the reader reads them), choices in the order they are offered, the rest by value.</summary>
    private static Func<object?, object?> Order(AggregateField field, Func<object?, string> label)
    {
        if (field.Kind == FieldTypes.Lookup || field.Kind == FieldTypes.User || field.Kind == FieldTypes.Department)
        {
            return v => label(v);
        }

        if (field.Kind == FieldTypes.Choice && field.Definition?.Choices is { } choices)
        {
            return v => choices.FindIndex(c => c.Value == v as string) is var at and >= 0 ? at : choices.Count;
        }

        return v => v;
    }

    private async Task<Func<object?, string>> LabellerAsync(IRecordReader reader, AggregateField field, DateBucket? bucket, List<object> values, CultureInfo culture,
        CancellationToken cancellationToken)
    {
        var kind = field.Kind;
        if (kind == FieldTypes.Lookup && reader.Schema.Find(field.Definition!.Target ?? "") is { } target)
        {
            var found = await reader.FindManyAsync(target, [.. values.OfType<Guid>()], cancellationToken);
            var title = target.NamingField()?.Name;
            // A record the reader may not read is counted but not named.
            return v => v is Guid id && found.TryGetValue(id, out var record) && title is not null && record.GetValueOrDefault(title) is { } name
                ? Convert.ToString(name, culture) ?? "" : text["Reports.Unnamed"].Value;
        }

        if (kind == FieldTypes.User || kind == FieldTypes.Department)
        {
            var ids = values.Select(v => v.ToString()!).ToList();
            var names = kind == FieldTypes.User ? await people.UserNamesAsync(ids, cancellationToken) : await people.DepartmentNamesAsync(ids, cancellationToken);
            return v => names.GetValueOrDefault(v!.ToString()!) ?? v.ToString()!;
        }

        if (field.IsDate && (bucket is not null || field.ClrType != typeof(DateOnly?)))
        {
            return v => Bucket(v!.ToString()!, bucket ?? DateBucket.Day, culture);
        }

        return v => field.Definition is { } definition ? kind.Display(definition, v!, culture) : v!.ToString()!;
    }

    /// <summary>2026 → 2026年 / 2026; 2026-Q1 → 2026年第1季度 / Q1 2026; 2026-03 → 2026年3月 / Mar 2026; a week by its Monday.</summary>
    private string Bucket(string key, DateBucket bucket, CultureInfo culture)
    {
        var chinese = culture.TwoLetterISOLanguageName == "zh";
        return bucket switch
        {
            DateBucket.Year => chinese ? $"{key}年" : key,
            DateBucket.Quarter => chinese ? $"{key[..4]}年第{key[^1]}季度" : $"Q{key[^1]} {key[..4]}",
            DateBucket.Month when DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) =>
                chinese ? $"{month.Year}年{month.Month}月" : month.ToString("MMM yyyy", CultureInfo.InvariantCulture),
            DateBucket.Week => text["Reports.WeekOf", key].Value,
            _ => key,
        };
    }
}
