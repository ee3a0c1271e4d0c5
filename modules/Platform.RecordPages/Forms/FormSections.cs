using Platform.Core.Metadata;

namespace Platform.RecordPages.Forms;

/// <summary>One section of a generated form, its fields resolved.</summary>
public sealed record FormPart(LocalizedText? Label, int Columns, IReadOnlyList<FieldDefinition> Fields);

/// <summary>
/// The sections a generated form shows: the entity's layout, with fields it no longer has left out,
/// then every field no section places (in definition order), so nothing is ever missing from a form.
/// Without a layout: one two-column section with the single-value fields, then the lines.
/// </summary>
public static class FormSections
{
    public static IReadOnlyList<FormPart> Of(EntityDefinition entity)
    {
        var parts = new List<FormPart>();
        var placed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in entity.Form?.Sections ?? [])
        {
            var fields = section.Fields.Select(entity.LiveField).OfType<FieldDefinition>().Where(f => placed.Add(f.Name)).ToList();
            parts.Add(new FormPart(section.Label.IsBlank ? null : section.Label, Math.Clamp(section.Columns, 1, 3), fields));
        }

        var rest = entity.LiveFields.Where(f => !placed.Contains(f.Name)).OrderBy(f => f.Type == FieldTypes.Lines.Name).ToList();
        if (rest.Count > 0)
        {
            parts.Add(new FormPart(null, 2, rest));
        }

        return parts;
    }

    /// <summary>Fields that take the whole width whatever the columns: lines, long texts, files, several choices.</summary>
    public static bool Wide(FieldDefinition field) => field.Kind?.Wide == true;
}
