using System.Security.Cryptography;
using System.Text;
using Platform.Core.Metadata;

namespace Platform.Records;

/// <summary>
/// All entity definitions at one moment, with a version derived from their content. EF Core
/// models of the record tables are built from it and cached per version.
/// </summary>
public sealed class RecordsSchema
{
    public RecordsSchema(IEnumerable<EntityDefinition> entities)
    {
        Entities = entities.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var text = string.Join("\n", Entities.Select(MetadataJson.Write));
        Version = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    public static RecordsSchema Empty { get; } = new([]);

    public IReadOnlyList<EntityDefinition> Entities { get; }

    public string Version { get; }

    public EntityDefinition? Find(string name) =>
        Entities.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The entity and lines field whose lines are records of <paramref name="lineEntity"/>, or null
    /// when it is an ordinary entity. Removed lines fields count: their lines are kept until purged.
    /// </summary>
    public (EntityDefinition Parent, FieldDefinition Field)? ParentOf(string lineEntity)
    {
        foreach (var entity in Entities)
        {
            foreach (var field in entity.Fields)
            {
                if (field.Type == FieldTypes.Lines.Name && string.Equals(field.Target, lineEntity, StringComparison.OrdinalIgnoreCase))
                {
                    return (entity, field);
                }
            }
        }

        return null;
    }

    /// <summary>This schema without the entity named <paramref name="name"/>.</summary>
    public RecordsSchema Without(string name) =>
        new(Entities.Where(e => !string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>This schema with <paramref name="entity"/> added or replacing the one of the same name.</summary>
    public RecordsSchema With(EntityDefinition entity) =>
        new(Entities.Where(e => !string.Equals(e.Name, entity.Name, StringComparison.OrdinalIgnoreCase)).Append(entity));
}
