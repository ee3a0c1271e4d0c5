using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

/// <summary>Read access to one entity's live records as a query the database runs.</summary>
public sealed class RecordReader(EntityDefinition entity, RecordsDbContext records) : IAsyncDisposable
{
    public EntityDefinition Entity { get; } = entity;

    public RecordsSchema Schema => records.Schema;

    /// <summary>Records not in the recycle bin, untracked; rows are property bags keyed by API name.</summary>
    public IQueryable<Dictionary<string, object>> Live =>
        records.Set<Dictionary<string, object>>(Entity.Name).AsNoTracking()
            .Where(r => EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null);

    /// <summary>A row with every system field and field present (null where empty).</summary>
    public IReadOnlyDictionary<string, object?> Present(Dictionary<string, object> row) => RecordStore.Present(Entity, row);

    /// <summary>The live lines of the given parents, by parent, in line order.</summary>
    public Task<ILookup<Guid, Dictionary<string, object?>>> LinesOfAsync(EntityDefinition lineEntity, IReadOnlyCollection<Guid> parentIds, CancellationToken cancellationToken) =>
        RecordStore.LinesOfAsync(records, lineEntity, parentIds, cancellationToken);

    /// <summary>The live records of <paramref name="entity"/> among <paramref name="ids"/>, by id (one query).</summary>
    public async Task<Dictionary<Guid, Dictionary<string, object?>>> FindManyAsync(EntityDefinition entity, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await records.Set<Dictionary<string, object>>(entity.Name).AsNoTracking()
            .Where(r => ids.Contains(EF.Property<Guid>(r, SystemFields.Id)) && EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null)
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (Guid)r[SystemFields.Id], r => RecordStore.Present(entity, r));
    }

    public ValueTask DisposeAsync() => records.DisposeAsync();
}
