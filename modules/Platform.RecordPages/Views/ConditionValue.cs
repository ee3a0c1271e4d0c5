using System.Globalization;
using Platform.Core.Fields;
using Platform.Core.Metadata;

namespace Platform.RecordPages.Views;

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
        Type = field.ValueKind?.EditedAs ?? (field.Kind == FieldTypes.Computed ? FieldTypes.Text.Name : field.Type),
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

        return FieldTypes.Find(EditorField(field).Type) is { HasColumn: true } kind && kind.ClrType != typeof(object)
            ? StoredValue.ReadInvariant(kind.ClrType, text)
            : text;
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
