namespace Platform.Core.Metadata;

public static partial class MetadataValidator
{
    /// <summary>A form layout names live fields, each once, in sections of one to three columns.</summary>
    private static void ValidateForm(EntityDefinition entity, List<MetadataError> errors)
    {
        if (entity.Form is not { } form)
        {
            return;
        }

        if (form.Sections.Count > FormLayout.MaxSections)
        {
            errors.Add(Problem("$.form.sections", "sections.1", $"A form has at most {FormLayout.MaxSections} sections.", FormLayout.MaxSections));
        }

        var placed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var s = 0; s < form.Sections.Count; s++)
        {
            var section = form.Sections[s];
            var path = $"$.form.sections[{s}]";
            if (section is null)
            {
                errors.Add(Problem(path, "item.5", "A section cannot be null."));
                continue;
            }

            if (section.Columns is < 1 or > 3)
            {
                errors.Add(Problem($"{path}.columns", "columns.1", "A section has 1, 2 or 3 columns."));
            }

            for (var f = 0; f < section.Fields.Count; f++)
            {
                var name = section.Fields[f];
                if (entity.LiveField(name ?? "") is null)
                {
                    errors.Add(Problem($"{path}.fields[{f}]", "item.6", $"There is no field named '{name}'.", name));
                }
                else if (!placed.TryAdd(name!, $"{path}.fields[{f}]"))
                {
                    errors.Add(Problem($"{path}.fields[{f}]", "item.7", $"'{name}' is placed twice; it is already at {placed[name!]}.", name, placed[name!]));
                }
            }
        }
    }
}
