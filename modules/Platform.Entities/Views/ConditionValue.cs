using System.Globalization;
using Platform.Core.Metadata;

namespace Platform.Entities.Views;

/// <summary>
/// A condition's value between the filter builder's editor (typed values, as forms edit them) and the
/// view (invariant text): 0.15 for 15 %, 2026-03-05 for a date, a record's id for a lookup.
/// </summary>
public static class ConditionValue
{
    /// <summary>The field the value editor edits: one value of the field's kind (a formula's result, one choice of several, plain text for numbers drawn).</summary>
    public static FieldDefinition EditorField(FieldDefinition field) => new()
    {
        Name = field.Name,
        Label = field.Label,
        Type = field.Type switch
        {
            "computed" => field.ResultType ?? "text",
            "autoNumber" or "longText" or "email" or "phone" or "url" => "text",
            "multiChoice" => "choice",
            var type => type,
        },
        Choices = field.Choices,
        Target = field.Target,
        MaxLength = 200,
    };

    public static object? ToEditor(FieldDefinition field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return EditorField(field).Type switch
        {
            "integer" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null,
            "decimal" or "money" or "percent" => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null,
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
            "datetime" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
            "boolean" => bool.TryParse(text, out var yes) ? yes : null,
            "lookup" => Guid.TryParse(text, out var id) ? id : null,
            _ => text,
        };
    }

    public static string? ToText(object? value) => value switch
    {
        null => null,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        bool yes => yes ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
