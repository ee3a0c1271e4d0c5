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
            errors.Add(new("$.form.sections", $"A form has at most {FormLayout.MaxSections} sections."));
        }

        var placed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var s = 0; s < form.Sections.Count; s++)
        {
            var section = form.Sections[s];
            var path = $"$.form.sections[{s}]";
            if (section is null)
            {
                errors.Add(new(path, "A section cannot be null."));
                continue;
            }

            if (section.Columns is < 1 or > 3)
            {
                errors.Add(new($"{path}.columns", "A section has 1, 2 or 3 columns."));
            }

            for (var f = 0; f < section.Fields.Count; f++)
            {
                var name = section.Fields[f];
                if (entity.LiveField(name ?? "") is null)
                {
                    errors.Add(new($"{path}.fields[{f}]", $"There is no field named '{name}'."));
                }
                else if (!placed.TryAdd(name!, $"{path}.fields[{f}]"))
                {
                    errors.Add(new($"{path}.fields[{f}]", $"'{name}' is placed twice; it is already at {placed[name!]}."));
                }
            }
        }
    }
}
