using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Core.Metadata;

namespace Platform.Entities.Forms;

/// <summary>How a value reads in a form or list: choice labels, yes/no in the reader's language, money with two decimals, percentages as percentages.</summary>
public static partial class FieldText
{
    public static string Of(FieldDefinition field, object? value, CultureInfo culture)
    {
        var type = field.Type == FieldTypes.Computed.Name ? field.ResultType : field.Type;
        return value switch
        {
            null => "",
            decimal number when type == "money" => number.ToString("#,0.00", culture),
            decimal number when type == "percent" => (number * 100m).ToString("0.##", culture) + " %",
            decimal number => number.ToString("#,0.####", culture),
            long number => number.ToString("#,0", culture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset at => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            bool yes => culture.TwoLetterISOLanguageName == "zh" ? (yes ? "是" : "否") : (yes ? "Yes" : "No"),
            string text when type == "choice" => Choice(field, text, culture),
            string text when type == "multiChoice" => string.Join(", ", text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => Choice(field, v, culture))),
            _ => Convert.ToString(value, culture) ?? "",
        };
    }

    /// <summary>The colour of a choice for badges and kanban, when it is a plain CSS hex colour (anything else could carry styles in).</summary>
    public static string? SafeColour(string? colour) => colour is not null && HexColour().IsMatch(colour) ? colour : null;

    private static string Choice(FieldDefinition field, string value, CultureInfo culture) =>
        field.Choices?.FirstOrDefault(c => c.Value == value) is { } option && !option.Label.IsBlank ? option.Label.For(culture.Name) : value;

    [GeneratedRegex("^#[0-9a-fA-F]{3,8}$")]
    private static partial Regex HexColour();
}
