namespace Platform.Core.Security;

/// <summary>The records shared with a person (with them or their department), per entity: those they may read, those they may change too.</summary>
public sealed class SharedRecords
{
    private static readonly IReadOnlySet<Guid> Nothing = new HashSet<Guid>();
    private readonly Dictionary<string, (HashSet<Guid> Read, HashSet<Guid> Edit)> _byEntity = new(StringComparer.OrdinalIgnoreCase);

    public SharedRecords(IEnumerable<(string EntityKey, Guid RecordId, bool CanEdit)> shares)
    {
        foreach (var (entity, id, canEdit) in shares)
        {
            if (!_byEntity.TryGetValue(entity, out var sets))
            {
                _byEntity[entity] = sets = ([], []);
            }

            sets.Read.Add(id);
            if (canEdit)
            {
                sets.Edit.Add(id);
            }
        }
    }

    public static SharedRecords None { get; } = new([]);

    /// <summary>The records of the entity shared to read (<paramref name="editing"/> false) or to change.</summary>
    public IReadOnlySet<Guid> Of(string entity, bool editing) =>
        _byEntity.TryGetValue(entity, out var sets) ? editing ? sets.Edit : sets.Read : Nothing;
}
