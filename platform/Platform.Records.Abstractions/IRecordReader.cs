using Platform.Core.Metadata;
using Platform.Core.Records;

namespace Platform.Records;

/// <summary>
/// Read access to one entity's live records as a query the database runs, limited to the records
/// the actor's roles let them read.
/// </summary>
public interface IRecordReader : IAsyncDisposable
{
    EntityDefinition Entity { get; }

    RecordsSchema Schema { get; }

    /// <summary>True when the actor may read no record of the entity at all (an answer of its own: 403, not an empty list).</summary>
    bool Forbidden { get; }

    /// <summary>Which of the entity's records the actor may read.</summary>
    RecordScope Scope { get; }

    /// <summary>Which of the entity's records the actor may create, change or delete (pages hide what they may not do).</summary>
    RecordScope ScopeFor(RecordAction action);

    /// <summary>Which of the entity's fields the actor may not see (left out of every row handed out, refused in queries) or change.</summary>
    FieldAccess Fields { get; }

    /// <summary>The same for another entity read through this one (a lookup's records, lines).</summary>
    FieldAccess FieldsOf(EntityDefinition entity);

    /// <summary>Readable records not in the recycle bin, untracked; rows are property bags keyed by API name.</summary>
    IQueryable<Dictionary<string, object>> Live { get; }

    /// <summary>True where the database keeps decimals as text (SQLite): reports add them up as whole numbers of their smallest unit.</summary>
    bool DecimalsAsText { get; }

    /// <summary>The same for another entity (a lookup's target, read through this one's records): only what the actor may read of it.</summary>
    IQueryable<Dictionary<string, object>> LiveOf(EntityDefinition entity);

    /// <summary>A row with every system field and field the actor may see present (null where empty).</summary>
    IReadOnlyDictionary<string, object?> Present(Dictionary<string, object> row);

    /// <summary>The live lines of the given parents, by parent, in line order (readable with their parent).</summary>
    Task<ILookup<Guid, Dictionary<string, object?>>> LinesOfAsync(EntityDefinition lineEntity, IReadOnlyCollection<Guid> parentIds, CancellationToken cancellationToken);

    /// <summary>
    /// The live records of <paramref name="entity"/> whose text field <paramref name="field"/> is one of <paramref name="values"/> (imports
    /// find lookups by name or code this way); a field the actor may not see finds nothing.
    /// </summary>
    Task<List<Dictionary<string, object?>>> FindByAsync(EntityDefinition entity, string field, IReadOnlyCollection<string> values, CancellationToken cancellationToken);

    /// <summary>The readable live records of <paramref name="entity"/> among <paramref name="ids"/>, by id (one query).</summary>
    Task<Dictionary<Guid, Dictionary<string, object?>>> FindManyAsync(EntityDefinition entity, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
