using System.Globalization;

namespace Platform.Reports.Models;

/// <summary>
/// The records of a time span of one date field: a named range relative to today (<c>thisMonth</c>, <c>last30Days</c>,
/// <c>lastYear</c>…) or explicit <see cref="From"/>/<see cref="To"/> days (both included). Today is the platform's local day.
/// </summary>
public sealed class ReportPeriod
{
    public static readonly string[] Ranges =
        ["today", "yesterday", "thisWeek", "lastWeek", "thisMonth", "lastMonth", "thisQuarter", "lastQuarter", "thisYear", "lastYear", "last7Days", "last30Days", "last90Days", "last12Months"];

    public string Field { get; set; } = "";

    public string? Range { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>The first day and the day after the last, or null when <see cref="Range"/> is not one of <see cref="Ranges"/>.</summary>
    public (DateOnly Start, DateOnly End)? Days(DateOnly today)
    {
        if (Range is null)
        {
            return (From ?? DateOnly.MinValue, To is { } to ? to.AddDays(1) : DateOnly.MaxValue);
        }

        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var month = new DateOnly(today.Year, today.Month, 1);
        var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var year = new DateOnly(today.Year, 1, 1);
        return Range switch
        {
            "today" => (today, today.AddDays(1)),
            "yesterday" => (today.AddDays(-1), today),
            "thisWeek" => (monday, monday.AddDays(7)),
            "lastWeek" => (monday.AddDays(-7), monday),
            "thisMonth" => (month, month.AddMonths(1)),
            "lastMonth" => (month.AddMonths(-1), month),
            "thisQuarter" => (quarter, quarter.AddMonths(3)),
            "lastQuarter" => (quarter.AddMonths(-3), quarter),
            "thisYear" => (year, year.AddYears(1)),
            "lastYear" => (year.AddYears(-1), year),
            "last7Days" => (today.AddDays(-6), today.AddDays(1)),
            "last30Days" => (today.AddDays(-29), today.AddDays(1)),
            "last90Days" => (today.AddDays(-89), today.AddDays(1)),
            "last12Months" => (month.AddMonths(-11), month.AddMonths(1)),
            _ => null,
        };
    }

    /// <summary>
    /// The days a period is compared with: the same span a year before, or the span just before it — a calendar month, quarter
    /// or year the one before it (so March compares with February, whatever their lengths), any other span as many days earlier.
    /// </summary>
    public static (DateOnly Start, DateOnly End) Earlier((DateOnly Start, DateOnly End) days, string compare, string? range)
    {
        if (compare == "samePeriodLastYear")
        {
            return (days.Start.AddYears(-1), days.End.AddYears(-1));
        }

        var months = range switch
        {
            "thisMonth" or "lastMonth" => 1,
            "thisQuarter" or "lastQuarter" => 3,
            "thisYear" or "lastYear" or "last12Months" => 12,
            _ => 0,
        };
        if (months > 0)
        {
            return (days.Start.AddMonths(-months), days.Start);
        }

        var length = days.End.DayNumber - days.Start.DayNumber;
        return (days.Start.AddDays(-length), days.Start);
    }

    /// <summary>The period as an OData condition on its field: a date compared with days, a moment with the local midnights.</summary>
    public static string Condition(string field, bool moment, DateOnly start, DateOnly end)
    {
        var parts = new List<string>();
        if (start != DateOnly.MinValue)
        {
            parts.Add($"{field} ge {Literal(start, moment)}");
        }

        if (end != DateOnly.MaxValue)
        {
            parts.Add($"{field} lt {Literal(end, moment)}");
        }

        return parts.Count == 0 ? "true" : string.Join(" and ", parts);
    }

    private static string Literal(DateOnly day, bool moment)
    {
        if (!moment)
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local)).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }
}
