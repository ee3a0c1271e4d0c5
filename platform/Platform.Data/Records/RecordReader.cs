using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;

namespace Platform.Data.Records;

/// <summary>
/// Read access to one entity's live records as a query the database runs, limited to the records
/// the actor's roles let them read.
/// </summary>
public sealed class RecordReader(EntityDefinition entity, RecordsDbContext records, Actor actor) : IRecordReader
{
    public EntityDefinition Entity { get; } = entity;

    public RecordsSchema Schema => records.Schema;

    /// <summary>True when the actor may read no record of the entity at all (an answer of its own: 403, not an empty list).</summary>
    public bool Forbidden => Scope == RecordScope.None;

    /// <summary>Which of the entity's records the actor may read.</summary>
    public RecordScope Scope => RecordStore.ScopeOf(Schema, Entity, actor, RecordAction.Read);

    /// <summary>Which of the entity's records the actor may create, change or delete (pages hide what they may not do).</summary>
    public RecordScope ScopeFor(RecordAction action) => RecordStore.ScopeOf(Schema, Entity, actor, action);

    public FieldAccess Fields => FieldsOf(Entity);

    public FieldAccess FieldsOf(EntityDefinition entity) => RecordStore.FieldsOf(entity, actor);

    /// <summary>Readable records not in the recycle bin, untracked; rows are property bags keyed by API name.</summary>
    public IQueryable<Dictionary<string, object>> Live => LiveOf(Entity);

    public bool DecimalsAsText => records.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>A row with every system field and field the actor may see present (null where empty).</summary>
    public IReadOnlyDictionary<string, object?> Present(Dictionary<string, object> row) => Fields.Strip(RecordRows.Present(Entity, row));

    /// <summary>The live lines of the given parents, by parent, in line order (readable with their parent).</summary>
    public async Task<ILookup<Guid, Dictionary<string, object?>>> LinesOfAsync(EntityDefinition lineEntity, IReadOnlyCollection<Guid> parentIds, CancellationToken cancellationToken)
    {
        var lines = await RecordStore.LinesOfAsync(records, lineEntity, parentIds, cancellationToken);
        var fields = FieldsOf(lineEntity);
        foreach (var line in lines.SelectMany(l => l))
        {
            fields.StripInPlace(line);
        }

        return lines;
    }

    /// <summary>The live records of <paramref name="entity"/> whose text field <paramref name="field"/> is one of <paramref name="values"/> (imports find lookups by name or code this way).</summary>
    public async Task<List<Dictionary<string, object?>>> FindByAsync(EntityDefinition entity, string field, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        var found = new List<Dictionary<string, object?>>();
        var fields = FieldsOf(entity);
        if (!fields.MayRead(field))
        {
            return found;
        }

        foreach (var chunk in values.Chunk(500))
        {
            var rows = await LiveOf(entity).Where(r => chunk.Contains(EF.Property<string>(r, field))).ToListAsync(cancellationToken);
            found.AddRange(rows.Select(r => new Dictionary<string, object?>(fields.Strip(RecordRows.Present(entity, r)))));
        }

        return found;
    }

    /// <summary>The readable live records of <paramref name="entity"/> among <paramref name="ids"/>, by id (one query), without the fields the actor may not see.</summary>
    public async Task<Dictionary<Guid, Dictionary<string, object?>>> FindManyAsync(EntityDefinition entity, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await LiveOf(entity).Where(r => ids.Contains(EF.Property<Guid>(r, SystemFields.Id))).ToListAsync(cancellationToken);
        var fields = FieldsOf(entity);
        return rows.ToDictionary(r => (Guid)r[SystemFields.Id], r =>
        {
            var record = RecordRows.Present(entity, r);
            fields.StripInPlace(record);
            return record;
        });
    }

    public ValueTask DisposeAsync() => records.DisposeAsync();

    /// <summary>
    /// Readable records of <paramref name="entity"/> not in the recycle bin, untracked (a lookup's target, read through this entity's
    /// records). Lines are readable with their record: those of the records the actor may read, whatever the lines' own columns say.
    /// </summary>
    public IQueryable<Dictionary<string, object>> LiveOf(EntityDefinition entity)
    {
        var live = records.Set<Dictionary<string, object>>(entity.Name).AsNoTracking().Where(r => EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null);
        if (Schema.ParentOf(entity.Name) is { Parent: var parent })
        {
            var parents = LiveOf(parent);
            return live.Where(l => parents.Any(p => EF.Property<Guid>(p, SystemFields.Id) == EF.Property<Guid?>(l, SystemFields.ParentId)));
        }

        return RecordStore.Covered(live, Schema, entity, actor, RecordAction.Read);
    }
}
