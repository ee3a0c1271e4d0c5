using Platform.Records.Aggregation;

namespace Platform.Web.Tests.Reports;

/// <summary>The buckets' own answers (what the databases' translations must agree with, checked there by the report integration tests).</summary>
public sealed class DateBucketsTests
{
    [Theory]
    [InlineData("2026-01-05", "2026-01-05", "2026-01-05", "2026-01", "2026-Q1", "2026")]
    [InlineData("2026-01-11", "2026-01-11", "2026-01-05", "2026-01", "2026-Q1", "2026")]
    [InlineData("2026-01-01", "2026-01-01", "2025-12-29", "2026-01", "2026-Q1", "2026")]
    [InlineData("2026-09-30", "2026-09-30", "2026-09-28", "2026-09", "2026-Q3", "2026")]
    [InlineData("2025-12-31", "2025-12-31", "2025-12-29", "2025-12", "2025-Q4", "2025")]
    public void A_day_falls_in_its_week_from_monday_its_month_quarter_and_year(string day, string dayKey, string week, string month, string quarter, string year)
    {
        DateOnly? date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new string?[] { dayKey, week, month, quarter, year }, new[] { DateBuckets.Day(date), DateBuckets.Week(date), DateBuckets.Month(date), DateBuckets.Quarter(date), DateBuckets.Year(date) }.AsEnumerable());
    }

    [Fact]
    public void No_date_is_in_no_bucket_and_every_bucket_has_a_function_for_dates_and_moments()
    {
        Assert.Null(DateBuckets.Month((DateOnly?)null));
        Assert.Null(DateBuckets.Week((DateTimeOffset?)null));
        Assert.Equal(10, DateBuckets.All().Count());
        Assert.All(DateBuckets.All(), b => Assert.Equal(typeof(string), b.Method.ReturnType));
    }
}
