using System.Globalization;
using Platform.Records.Aggregation;
using Platform.Records.Query.Aggregation;
using Platform.Reports.Models;

namespace Platform.Reports.Services;

/// <summary>
/// The records behind a figure, as an OData filter a list opens with: the report's own filter and period, and each of the group's
/// keys — a value as equal, a date bucket (a month, a week, a quarter) as the days it spans, an empty group as no value.
/// </summary>
public static class ReportDrill
{
    /// <summary>A group's field as the drill needs it: its name, the bucket it was grouped by, and whether it is a date or a moment.</summary>
    public sealed record Key(string Field, DateBucket? Bucket, bool Date, bool Moment, bool Id = false);

    public static string Filter(string? reportFilter, IReadOnlyList<Key> keys, IReadOnlyList<object?> values)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(reportFilter))
        {
            parts.Add($"({reportFilter})");
        }

        for (var i = 0; i < keys.Count; i++)
        {
            parts.Add(Condition(keys[i], values[i]));
        }

        return parts.Count == 0 ? "true" : string.Join(" and ", parts);
    }

    private static string Condition(Key key, object? value)
    {
        if (value is null)
        {
            return $"{key.Field} eq null";
        }

        if (key.Date && value is string bucketed && Span(key.Bucket ?? DateBucket.Day, bucketed) is { } days)
        {
            return $"({ReportPeriod.Condition(key.Field, key.Moment, days.Start, days.End)})";
        }

        // A lookup's key is a Guid in the OData model: written bare, as OData writes Guid literals.
        return key.Id && Guid.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), out var id) ? $"{key.Field} eq {id}" : $"{key.Field} eq {Literal(value)}";
    }

    /// <summary>The days a bucket's key spans: <c>2026-03</c> is March, <c>2026-Q2</c> April to June, a week's key its Monday.</summary>
    private static (DateOnly Start, DateOnly End)? Span(DateBucket bucket, string key)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (bucket)
        {
            case DateBucket.Day when DateOnly.TryParseExact(key, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day):
                return (day, day.AddDays(1));
            case DateBucket.Week when DateOnly.TryParseExact(key, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var monday):
                return (monday, monday.AddDays(7));
            case DateBucket.Month when DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", invariant, DateTimeStyles.None, out var first):
                return (first, first.AddMonths(1));
            case DateBucket.Quarter when key.Length == 7 && int.TryParse(key[..4], NumberStyles.None, invariant, out var year) && key[5] == 'Q' && key[6] is >= '1' and <= '4':
                var start = new DateOnly(year, ((key[6] - '1') * 3) + 1, 1);
                return (start, start.AddMonths(3));
            case DateBucket.Year when int.TryParse(key, NumberStyles.None, invariant, out var whole) && whole is > 0 and < 10000:
                return (new DateOnly(whole, 1, 1), new DateOnly(whole, 1, 1).AddYears(1));
            default:
                return null;
        }
    }

    private static string Literal(object value) => value switch
    {
        bool yes => yes ? "true" : "false",
        long or int or decimal or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        _ => $"'{Convert.ToString(value, CultureInfo.InvariantCulture)!.Replace("'", "''", StringComparison.Ordinal)}'",
    };
}
