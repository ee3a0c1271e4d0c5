using Platform.Core.Metadata;

namespace Platform.Data.Records;

/// <summary>
/// Which field of the current definition each field of a new document continues. A field keeps its
/// column across renames, so a document that names the column (as read from the API or exported)
/// renames by changing only the name; otherwise fields are matched by name.
/// </summary>
public static class FieldMatching
{
    public static Dictionary<FieldDefinition, FieldDefinition> Match(EntityDefinition? current, EntityDefinition target)
    {
        var matches = new Dictionary<FieldDefinition, FieldDefinition>(ReferenceEqualityComparer.Instance);
        if (current is null)
        {
            return matches;
        }

        var claimed = new HashSet<FieldDefinition>(ReferenceEqualityComparer.Instance);
        foreach (var field in target.Fields.Where(f => f.Column is not null))
        {
            if (current.Fields.FirstOrDefault(f => string.Equals(f.Column, field.Column, StringComparison.OrdinalIgnoreCase)) is { } byColumn && claimed.Add(byColumn))
            {
                matches[field] = byColumn;
            }
        }

        foreach (var field in target.Fields.Where(f => !matches.ContainsKey(f)))
        {
            if (current.Field(field.Name) is { } byName && claimed.Add(byName))
            {
                matches[field] = byName;
            }
        }

        return matches;
    }
}
