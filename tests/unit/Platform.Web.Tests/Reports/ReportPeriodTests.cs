using Platform.Reports.Models;

namespace Platform.Web.Tests.Reports;

/// <summary>Periods relative to today, on Thursday 2026-05-14: each named range's first day and the day after its last.</summary>
public sealed class ReportPeriodTests
{
    private static readonly DateOnly Today = new(2026, 5, 14);

    [Theory]
    [InlineData("today", "2026-05-14", "2026-05-15")]
    [InlineData("yesterday", "2026-05-13", "2026-05-14")]
    [InlineData("thisWeek", "2026-05-11", "2026-05-18")]
    [InlineData("lastWeek", "2026-05-04", "2026-05-11")]
    [InlineData("thisMonth", "2026-05-01", "2026-06-01")]
    [InlineData("lastMonth", "2026-04-01", "2026-05-01")]
    [InlineData("thisQuarter", "2026-04-01", "2026-07-01")]
    [InlineData("lastQuarter", "2026-01-01", "2026-04-01")]
    [InlineData("thisYear", "2026-01-01", "2027-01-01")]
    [InlineData("lastYear", "2025-01-01", "2026-01-01")]
    [InlineData("last7Days", "2026-05-08", "2026-05-15")]
    [InlineData("last30Days", "2026-04-15", "2026-05-15")]
    [InlineData("last90Days", "2026-02-14", "2026-05-15")]
    [InlineData("last12Months", "2025-06-01", "2026-06-01")]
    public void A_named_range_runs_from_its_first_day_to_the_day_after_its_last(string range, string start, string end)
    {
        Assert.Contains(range, ReportPeriod.Ranges);
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)),
            new ReportPeriod { Range = range }.Days(Today));
    }

    [Fact]
    public void A_week_starts_on_monday_even_on_a_sunday_and_a_quarter_on_its_first_month()
    {
        Assert.Equal((new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 18)), new ReportPeriod { Range = "thisWeek" }.Days(new DateOnly(2026, 5, 17)));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2027, 1, 1)), new ReportPeriod { Range = "thisQuarter" }.Days(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Explicit_days_include_both_ends_and_an_unknown_range_is_none()
    {
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)), new ReportPeriod { From = new(2026, 1, 1), To = new(2026, 1, 31) }.Days(Today));
        Assert.Null(new ReportPeriod { Range = "someday" }.Days(Today));
        Assert.Equal("closeDate ge 2026-01-01 and closeDate lt 2026-02-01", ReportPeriod.Condition("closeDate", moment: false, new(2026, 1, 1), new(2026, 2, 1)));
        Assert.Equal("closeDate lt 2026-02-01", ReportPeriod.Condition("closeDate", moment: false, DateOnly.MinValue, new(2026, 2, 1)));
    }
}
