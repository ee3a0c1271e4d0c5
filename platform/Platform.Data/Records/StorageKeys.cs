using Platform.Core.Metadata;

namespace Platform.Data.Records;

/// <summary>
/// Assigns tables and columns. A name gets its storage key once, when it is created; later renames
/// change only the API name, so no rename ever moves data.
/// </summary>
public static class StorageKeys
{
    /// <param name="matches">The current field each proposed field continues (see <see cref="FieldMatching"/>).</param>
    public static void Assign(EntityDefinition proposed, EntityDefinition? current, RecordsSchema schema, Dictionary<FieldDefinition, FieldDefinition> matches)
    {
        proposed.Table = current?.Table ?? UniqueTable(proposed.Name, schema);
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in proposed.Fields)
        {
            if (matches.TryGetValue(field, out var existing))
            {
                // A new stored type gets a new column: the values are converted into it and the old one dropped.
                field.Column = FieldTypes.Find(field.Type)?.HasColumn == true && FieldTypes.Find(existing.Type)?.HasColumn == true && SchemaManager.MovesColumn(existing, field)
                    ? null
                    : existing.Column;
            }

            if (field.Column is not null)
            {
                columns.Add(field.Column);
            }
        }

        foreach (var column in current?.Fields.Where(f => f.Column is not null).Select(f => f.Column!) ?? [])
        {
            columns.Add(column);
        }

        foreach (var field in proposed.Fields.Where(f => FieldTypes.Find(f.Type)?.HasColumn == false))
        {
            field.Column = null; // line items live in their own table
        }

        foreach (var field in proposed.Fields.Where(f => f.Column is null && FieldTypes.Find(f.Type)?.HasColumn == true))
        {
            field.Column = Unique("f_" + field.Name.ToLowerInvariant(), columns);
            columns.Add(field.Column);
        }
    }

    private static string UniqueTable(string name, RecordsSchema schema) =>
        Unique("e_" + name.ToLowerInvariant(), schema.Entities.Select(e => e.Table!).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static string Unique(string candidate, HashSet<string> taken)
    {
        var key = candidate;
        for (var n = 2; taken.Contains(key); n++)
        {
            key = $"{candidate}_{n}";
        }

        return key;
    }
}
