using Microsoft.Extensions.Localization;
using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Core.Metadata;

namespace Platform.Entities.Import;

/// <summary>
/// Reads a spreadsheet cell as a field's value the way people type them: numbers with thousands
/// separators and currency signs, percentages, dates such as 2026-03-05, 2026/3/5, 2026.3.5 or
/// 2026年3月5日 (and real Excel dates), yes/no as 是/否/Y/N/√, choices by value or by label in either
/// language, several choices separated by commas or 、. Lookups stay text until <see cref="LookupResolver"/> finds them.
/// </summary>
public static partial class ImportValueParser
{
    public static (object? Value, string? Error) Parse(FieldDefinition field, object? cell, IStringLocalizer messages)
    {
        if (cell is CellProblem problem)
        {
            return (null, problem.Message);
        }

        if (cell is null || (cell is string blank && string.IsNullOrWhiteSpace(blank)))
        {
            return (null, null);
        }

        var text = cell as string ?? Convert.ToString(cell, CultureInfo.InvariantCulture)!;
        text = text.Trim();
        var type = field.Type == FieldTypes.Computed.Name ? field.ResultType ?? "text" : field.Type;
        return type switch
        {
            "integer" => Number(cell, text) is { } n && n == decimal.Truncate(n) && Math.Abs(n) <= long.MaxValue ? ((long)n, null) : (null, messages["Entities.Import.Error.NotWholeNumber", text]),
            "decimal" or "money" => Number(cell, text) is { } d ? (d, null) : (null, messages["Entities.Import.Error.NotNumber", text]),
            "percent" => Percent(cell, text) is { } p ? (p, null) : (null, messages["Entities.Import.Error.NotPercent", text]),
            "date" => Date(cell, text) is { } date ? (date, null) : (null, messages["Entities.Import.Error.NotDate", text]),
            "datetime" => DateTime(cell, text) is { } at ? (at, null) : (null, messages["Entities.Import.Error.NotDateTime", text]),
            "boolean" => YesNo(cell, text) is { } yes ? (yes, null) : (null, messages["Entities.Import.Error.NotYesNo", text]),
            "choice" => Choice(field, text) is { } value ? (value, null) : (null, messages["Entities.Import.Error.NotChoice", text, ChoiceList(field)]),
            "multiChoice" => Choices(field, text, messages),
            _ => (text, null),
        };
    }

    private static decimal? Number(object cell, string text)
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

    private static decimal? Percent(object cell, string text) =>
        text.EndsWith('%') || text.EndsWith('％') ? Number(text[..^1], text[..^1]) / 100 : Number(cell, text);

    private static DateOnly? Date(object cell, string text) => cell switch
    {
        DateOnly date => date,
        System.DateTime at => DateOnly.FromDateTime(at),
        decimal or double when Number(cell, text) is { } serial && serial is > 0 and < 2958466 && serial == decimal.Truncate(serial) => DateOnly.FromDateTime(System.DateTime.FromOADate((double)serial)),
        _ => DateText().Match(text) is { Success: true } m && DateOnly.TryParseExact(
            $"{m.Groups["y"].Value}-{m.Groups["m"].Value.PadLeft(2, '0')}-{m.Groups["d"].Value.PadLeft(2, '0')}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && m.Groups["time"].Length == 0 ? parsed : null,
    };

    private static DateTimeOffset? DateTime(object cell, string text)
    {
        if (cell is System.DateTime at)
        {
            return new DateTimeOffset(at, TimeSpan.Zero);
        }

        if (Date(cell, text) is { } day)
        {
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        if (DateText().Match(text) is { Success: true } m && m.Groups["time"].Length > 0
            && DateOnly.TryParseExact($"{m.Groups["y"].Value}-{m.Groups["m"].Value.PadLeft(2, '0')}-{m.Groups["d"].Value.PadLeft(2, '0')}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && TimeOnly.TryParse(m.Groups["time"].Value.Replace("时", ":", StringComparison.Ordinal).Replace("分", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out var time))
        {
            return new DateTimeOffset(date.ToDateTime(time), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }

    private static bool? YesNo(object cell, string text) => cell is bool b ? b : text.ToLowerInvariant() switch
    {
        "是" or "y" or "yes" or "true" or "1" or "√" or "✓" or "对" or "有" => true,
        "否" or "n" or "no" or "false" or "0" or "×" or "✗" or "无" => false,
        _ => null,
    };

    private static string? Choice(FieldDefinition field, string text) =>
        field.Choices?.FirstOrDefault(c => string.Equals(c.Value, text, StringComparison.OrdinalIgnoreCase)
                                           || c.Label.Values.Any(l => string.Equals(l.Trim(), text, StringComparison.OrdinalIgnoreCase)))?.Value;

    private static (object? Value, string? Error) Choices(FieldDefinition field, string text, IStringLocalizer messages)
    {
        var values = new List<string>();
        foreach (var part in text.Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Choice(field, part) is not { } value)
            {
                return (null, messages["Entities.Import.Error.NotChoice", part, ChoiceList(field)]);
            }

            values.Add(value);
        }

        return (string.Join(",", values.Distinct()), null);
    }

    /// <summary>The choices as the reader knows them: their labels in the reader's language.</summary>
    private static string ChoiceList(FieldDefinition field) =>
        string.Join(", ", field.Choices?.Select(c => c.Label.IsBlank ? c.Value : c.Label.For(CultureInfo.CurrentUICulture.Name)) ?? []);

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?(?:[ T]+(?<time>\d{1,2}[:时]\d{2}(?::\d{2})?分?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateText();
}
