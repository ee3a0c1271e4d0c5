using Platform.Core.Metadata;

namespace Platform.Web.Tests.Data;

public sealed class AutoNumberFormatTests
{
    [Theory]
    [InlineData("SO-{yyyy}{MM}-{#####}", 42, "SO-202603-00042", "202603")]
    [InlineData("{yy}{MM}{dd}{###}", 7, "260305007", "260305")]
    [InlineData("C{######}", 123456, "C123456", "")]
    [InlineData("PO/{yyyy}/{##}", 1234, "PO/2026/1234", "2026")]
    public void Formats_numbers_and_restarts_per_period(string pattern, long counter, string expected, string period)
    {
        var format = AutoNumberFormat.Parse(pattern, out var problem);

        Assert.Null(problem);
        Assert.Equal(expected, format!.Format(new DateOnly(2026, 3, 5), counter));
        Assert.Equal(period, format.PeriodOf(new DateOnly(2026, 3, 5)));
    }

    [Theory]
    [InlineData("SO-{yyyy}", "counter")]
    [InlineData("SO-{#}{##}", "more than one counter")]
    [InlineData("SO-{week}{###}", "Unknown token {week}")]
    [InlineData("SO-{{###}", "Braces")]
    [InlineData("", "format")]
    [InlineData("{#############}", "1 to 12")]
    public void Refuses_patterns_that_cannot_number_and_says_why(string pattern, string says)
    {
        Assert.Null(AutoNumberFormat.Parse(pattern, out var problem));
        Assert.Contains(says, problem, StringComparison.Ordinal);
    }
}
