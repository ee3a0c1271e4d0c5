using Platform.Core.Metadata;

namespace Platform.Data.Records;

public sealed partial class SchemaManager
{
    /// <summary>Changes this version of the engine refuses rather than risk data: type changes and removals come with their own checks.</summary>
    private static List<MetadataError> UnsupportedChanges(EntityDefinition? current, EntityDefinition target)
    {
        var errors = new List<MetadataError>();
        if (current is null)
        {
            return errors;
        }

        for (var i = 0; i < target.Fields.Count; i++)
        {
            var field = target.Fields[i];
            if (current.Field(field.Name) is { } existing && existing.Type != field.Type)
            {
                errors.Add(new($"$.fields[{i}].type", $"Changing '{field.Name}' from {existing.Type} to {field.Type} is not supported yet; add a new field instead."));
            }
        }

        foreach (var removed in current.Fields.Where(f => target.Field(f.Name) is null))
        {
            errors.Add(new("$.fields", $"The field '{removed.Name}' is missing; removing fields is not supported yet, so its data is kept."));
        }

        return errors;
    }
}
