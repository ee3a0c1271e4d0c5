using System.Text.RegularExpressions;
using Platform.Printing.Services;
using ZXing.Common;
using ZXing.OneD;

namespace Platform.Web.Tests.Printing;

/// <summary>
/// A document number prints as a Code 128 barcode a scanner reads back: the bars drawn in the SVG decode to the same text; what Code 128
/// cannot hold (Chinese, nothing) draws no barcode rather than a wrong one.
/// </summary>
public sealed partial class BarcodeTests
{
    [Theory]
    [InlineData("SO-202612-00001")]
    [InlineData("DN-2026-7")]
    [InlineData("1234567890")]
    public async Task The_bars_drawn_read_back_as_the_document_number(string number)
    {
        var svg = await LiquidTemplates.RenderAsync(LiquidTemplates.Parse("{{ number | barcode: 15 }}"),
            new Dictionary<string, object?> { ["number"] = number }, new System.Globalization.CultureInfo("zh-CN"));

        Assert.Contains("height=\"15mm\"", svg, StringComparison.Ordinal);
        var width = int.Parse(ViewBox().Match(svg).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var row = new BitArray(width);
        foreach (Match bar in Bar().Matches(svg))
        {
            var (start, length) = (int.Parse(bar.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(bar.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            row.setRange(start, start + length);
        }

        var read = new Code128Reader().decodeRow(0, row, null);
        Assert.NotNull(read);
        Assert.Equal(number, read.Text);
    }

    [Theory]
    [InlineData("订单一")]
    [InlineData("")]
    [InlineData("line\nbreak")]
    public void What_Code_128_cannot_hold_draws_nothing(string text) => Assert.Equal("", Barcodes.Svg(text, 12));

    [GeneratedRegex("viewBox=\"0 0 (\\d+) 1\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("M(\\d+) 0h(\\d+)v1")]
    private static partial Regex Bar();
}
