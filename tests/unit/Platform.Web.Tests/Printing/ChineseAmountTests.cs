using Platform.Printing.Services;

namespace Platform.Web.Tests.Printing;

/// <summary>
/// Amounts in Chinese capitals as cheques and contracts write them: a run of zeros inside as one 零, zeros at a section's end not at
/// all, 整 after whole yuan. Where the rules of 《支付结算办法》 allow a 零 or none (a zero in the 万 or 元 place), one form throughout:
/// the 零 before the thousands, none before the jiao — both of the rules' own examples (¥107,000.53, ¥1,680.32) as it lists them second.
/// </summary>
public sealed class ChineseAmountTests
{
    [Theory]
    [InlineData("12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分")]
    [InlineData("1000", "壹仟元整")]
    [InlineData("10", "壹拾元整")]
    [InlineData("0", "零元整")]
    [InlineData("0.05", "伍分")]
    [InlineData("0.5", "伍角")]
    [InlineData("1.05", "壹元零伍分")]
    [InlineData("1.5", "壹元伍角")]
    [InlineData("1001", "壹仟零壹元整")]
    [InlineData("10010000", "壹仟零壹万元整")]
    [InlineData("100000001.05", "壹亿零壹元零伍分")]
    [InlineData("100000000", "壹亿元整")]
    [InlineData("105000", "壹拾万零伍仟元整")]
    [InlineData("1000000000000", "壹万亿元整")]
    [InlineData("20304050.6", "贰仟零叁拾万零肆仟零伍拾元陆角")]
    [InlineData("107000.53", "壹拾万零柒仟元伍角叁分")]
    [InlineData("1680.32", "壹仟陆佰捌拾元叁角贰分")]
    [InlineData("-88.8", "负捌拾捌元捌角")]
    [InlineData("3.999", "肆元整")]
    public void Writes_an_amount_in_capitals(string amount, string capitals) =>
        Assert.Equal(capitals, ChineseAmount.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Refuses_an_amount_past_what_capitals_name() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseAmount.Of(10_000_000_000_000_000m));
}
