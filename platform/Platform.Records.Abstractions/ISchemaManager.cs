using Platform.Core.Metadata;

namespace Platform.Records;

/// <summary>
/// Creates and changes entities: each change is checked, turned into the database's own DDL and
/// committed with the new definition and its history entry in one transaction, or not at all.
/// </summary>
public interface ISchemaManager
{
    /// <summary>Every entity definition as saved now.</summary>
    Task<RecordsSchema> LoadSchemaAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates <paramref name="proposed"/> or brings the existing entity of that name to it.</summary>
    /// <param name="alsoDefined">Entities defined alongside this one (a package), which lookups may refer to.</param>
    /// <param name="renames">The entity this document renames (its table and records stay); a rename is never inferred from the document alone.</param>
    Task<SchemaChangeResult> ApplyAsync(EntityDefinition proposed, string changedBy, bool dryRun = false, IReadOnlyCollection<string>? alsoDefined = null, string? renames = null, CancellationToken cancellationToken = default);

    /// <summary>Drops the column and data of a field that was removed before (removing keeps them): the one change that deletes data.</summary>
    Task<SchemaChangeResult> PurgeFieldAsync(string entityName, string fieldName, string changedBy, bool dryRun = false, CancellationToken cancellationToken = default);

    /// <summary>Deletes an entity and its table; refused while it holds records or other entities look it up.</summary>
    Task<SchemaChangeResult> DeleteEntityAsync(string entityName, string changedBy, bool dryRun = false, CancellationToken cancellationToken = default);

    /// <summary>The entity's saved versions, oldest first, each with the SQL that made it.</summary>
    Task<List<SchemaChange>> HistoryAsync(string entityName, CancellationToken cancellationToken = default);
}
