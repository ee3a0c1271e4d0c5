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

    public ValueTask DisposeAsync() => records.DisposeAsync();
}
