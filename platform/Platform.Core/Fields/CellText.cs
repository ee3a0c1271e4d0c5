using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Core.Fields;

/// <summary>
/// Spreadsheet cells the way people type them: numbers with thousands separators and currency
/// signs, percentages, dates such as 2026-03-05, 2026/3/5, 2026.3.5 or 2026年3月5日 (and real
/// Excel dates), yes/no as 是/否/Y/N/√. Each reader answers null when the cell does not read.
/// </summary>
public static partial class CellText
{
    public static decimal? Number(object cell, string text)
    {
        switch (cell)
        {
            case decimal d:
                return d;
            case double or long or int:
                return Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
        }

        var plain = text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)
            .TrimStart('¥', '￥', '$', '€', '£').Replace("元", "", StringComparison.Ordinal);
        return decimal.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    public static decimal? Percent(object cell, string text) =>
        text.EndsWith('%') || text.EndsWith('％') ? Number(text[..^1], text[..^1]) / 100 : Number(cell, text);

    public static DateOnly? Date(object cell, string text) => cell switch
    {
        DateOnly date => date,
        System.DateTime at => DateOnly.FromDateTime(at),
        decimal or double when Number(cell, text) is { } serial && serial is > 0 and < 2958466 && serial == decimal.Truncate(serial) => DateOnly.FromDateTime(System.DateTime.FromOADate((double)serial)),
        _ => DateShape().Match(text) is { Success: true } m && DayOf(m) is { } parsed && m.Groups["time"].Length == 0 ? parsed : null,
    };

    public static DateTimeOffset? DateTime(object cell, string text)
    {
        if (cell is System.DateTime at)
        {
            return new DateTimeOffset(at, TimeSpan.Zero);
        }

        if (Date(cell, text) is { } day)
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        if (DateShape().Match(text) is { Success: true } m && m.Groups["time"].Length > 0 && DayOf(m) is { } date
            && TimeOnly.TryParse(m.Groups["time"].Value.Replace("时", ":", StringComparison.Ordinal).Replace("分", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out var time))
        {
            return new DateTimeOffset(date.ToDateTime(time), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    public static bool? YesNo(object cell, string text) => cell is bool b ? b : text.ToLowerInvariant() switch
    {
        "是" or "y" or "yes" or "true" or "1" or "√" or "✓" or "对" or "有" => true,
        "否" or "n" or "no" or "false" or "0" or "×" or "✗" or "无" => false,
        _ => null,
    };

    private static DateOnly? DayOf(Match m) =>
        DateOnly.TryParseExact($"{m.Groups["y"].Value}-{m.Groups["m"].Value.PadLeft(2, '0')}-{m.Groups["d"].Value.PadLeft(2, '0')}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?(?:[ T]+(?<time>\d{1,2}[:时]\d{2}(?::\d{2})?分?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();
}
