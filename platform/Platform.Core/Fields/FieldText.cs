using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Core.Metadata;

namespace Platform.Core.Fields;

/// <summary>How a value reads in a form or list, as its field's kind shows it (<see cref="Core.Fields.FieldType.Display"/>): choice labels, yes/no in the reader's language, money with two decimals, percentages as percentages.</summary>
public static partial class FieldText
{
    public static string Of(FieldDefinition field, object? value, CultureInfo culture) =>
        value is null ? "" : (field.ValueKind ?? FieldTypes.Text).Display(field, value, culture);

    /// <summary>The colour of a choice for badges and kanban, when it is a plain CSS hex colour (anything else could carry styles in).</summary>
    public static string? SafeColour(string? colour) => colour is not null && HexColour().IsMatch(colour) ? colour : null;

    [GeneratedRegex("^#[0-9a-fA-F]{3,8}$")]
    private static partial Regex HexColour();
}
