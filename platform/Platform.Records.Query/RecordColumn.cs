using System.Globalization;
using Platform.Core.Fields;
using Platform.Core.Metadata;

namespace Platform.Records.Query;

/// <summary>One column of a list or an export: the field, its heading in the reader's language, and how its values read.</summary>
public sealed record RecordColumn(FieldDefinition Field, string Heading)
{
    /// <summary>Fields that have no single cell value (lines, files) are left out of list columns and exports.</summary>
    public static bool Exportable(FieldDefinition field) =>
        field.Type != FieldTypes.Lines.Name && field.Type != FieldTypes.Attachment.Name && field.Type != FieldTypes.Image.Name;

    /// <summary>
    /// The columns $select names, in its order (all exportable fields in definition order when it names none) — of the fields the
    /// reader may see (<paramref name="access"/>): naming another is refused.
    /// </summary>
    public static IReadOnlyList<RecordColumn> For(EntityDefinition entity, IReadOnlyList<string>? selected, CultureInfo culture, Core.Records.FieldAccess? access = null)
    {
        var fields = selected is { Count: > 0 }
            ? selected.Select(name => entity.LiveField(name) is { } field
                ? access?.MayRead(field.Name) == false ? throw new ODataQueryException("$select", $"Your roles do not let you see the field '{name}' of {entity.Name}.") : field
                : throw new ODataQueryException("$select", $"{entity.Name} has no field '{name}'."))
            : entity.LiveFields.Where(f => access?.MayRead(f.Name) != false);
        return [.. fields.Where(Exportable).Select(f => new RecordColumn(f, f.Label.IsBlank ? f.Name : f.Label.For(culture.Name)))];
    }

    /// <summary>What a person sees for a value: choice labels, a lookup's title, yes/no in their language, a per cent as a <see cref="Share"/>; numbers and dates stay typed.</summary>
    public object? Display(object? value, IReadOnlyDictionary<Guid, string> titles, CultureInfo culture)
    {
        if (value is null)
        {
            return null;
        }

        if (Field.Kind == FieldTypes.Lookup && value is Guid id)
        {
            return titles.TryGetValue(id, out var title) ? title : id.ToString();
        }

        if (Field.ValueKind == FieldTypes.Percent && value is decimal fraction)
        {
            return new Share(fraction);
        }

        // Choice labels and yes/no read as in forms and lists; numbers and dates stay typed for the spreadsheet.
        if (Field.ValueKind?.ExportsDisplayText == true)
        {
            return FieldText.Of(Field, value, culture);
        }

        return value;
    }
}
