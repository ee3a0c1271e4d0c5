using System.Globalization;
using Platform.OcrCapture.Proofreading;

namespace Platform.Web.Tests.Modules;

/// <summary>A cell's confidence as the batch and proofreading pages show it: a cell sent to review never reads "100 %".</summary>
public sealed class ConfidenceTextTests
{
    [Theory]
    [InlineData(1.0, "100%")]
    [InlineData(0.9996, ">99.9%")]
    [InlineData(0.9978, "99.7%")] // sent to review at a target of 99.9 %: shown below it, not rounded up to 100 %
    [InlineData(0.99, "99.0%")]
    [InlineData(0.9899, "98%")]
    [InlineData(0.4842, "48%")]
    [InlineData(0.0, "0%")]
    public void A_confidence_is_cut_never_rounded_up_and_shows_tenths_near_the_top(double confidence, string shown)
    {
        Assert.Equal(shown, ConfidenceText.Format(confidence, CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(shown, ConfidenceText.Format(confidence, CultureInfo.GetCultureInfo("zh-CN")).Replace(" ", "", StringComparison.Ordinal));
    }
}
