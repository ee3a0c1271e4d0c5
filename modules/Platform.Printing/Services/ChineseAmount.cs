using System.Text;

namespace Platform.Printing.Services;

/// <summary>
/// An amount of money in Chinese capitals, as cheques, contracts and invoices write it (人民币大写): ¥12,345.67 is
/// 壹万贰仟叁佰肆拾伍元陆角柒分, ¥1,000 is 壹仟元整, ¥100,000,001.05 is 壹亿零壹元零伍分. Rounded to the fen; a run of zeros inside
/// is written as one 零, zeros at the end of a section not at all.
/// </summary>
public static class ChineseAmount
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";

    private static readonly string[] Places = ["", "拾", "佰", "仟"];

    private static readonly string[] Sections = ["", "万", "亿", "万亿"];

    /// <summary>The most an amount may be: below 10^16 yuan (a section past 万亿 has no name in use).</summary>
    public const decimal Most = 9_999_999_999_999_999.99m;

    public static string Of(decimal amount)
    {
        var rounded = Math.Round(Math.Abs(amount), 2, MidpointRounding.AwayFromZero);
        if (rounded > Most)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An amount in Chinese capitals is below 10^16 yuan.");
        }

        var yuan = decimal.Truncate(rounded);
        var cents = (int)((rounded - yuan) * 100);
        var (jiao, fen) = (cents / 10, cents % 10);
        var text = new StringBuilder(amount < 0 && rounded != 0 ? "负" : "");
        if (yuan > 0)
        {
            text.Append(Whole(yuan)).Append('元');
        }

        if (cents == 0)
        {
            return text.Append(yuan > 0 ? "整" : "零元整").ToString();
        }

        if (jiao > 0)
        {
            text.Append(Digits[jiao]).Append('角');
        }
        else if (yuan > 0)
        {
            text.Append('零');
        }

        if (fen > 0)
        {
            text.Append(Digits[fen]).Append('分');
        }

        return text.ToString();
    }

    /// <summary>A whole number of yuan in capitals: digit by digit from the highest, each with its place and, at a section's end, the section's name.</summary>
    private static string Whole(decimal yuan)
    {
        var digits = yuan.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        var (zeros, sectionHasDigit) = (false, false);
        for (var i = 0; i < digits.Length; i++)
        {
            var place = digits.Length - 1 - i;
            var digit = digits[i] - '0';
            if (digit == 0)
            {
                zeros = text.Length > 0;
            }
            else
            {
                if (zeros)
                {
                    text.Append('零');
                    zeros = false;
                }

                text.Append(Digits[digit]).Append(Places[place % 4]);
                sectionHasDigit = true;
            }

            if (place % 4 == 0 && place > 0)
            {
                if (sectionHasDigit)
                {
                    text.Append(Sections[place / 4]);
                }

                sectionHasDigit = false;
            }
        }

        return text.ToString();
    }
}
