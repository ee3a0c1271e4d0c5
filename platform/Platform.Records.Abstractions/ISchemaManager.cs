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

    /// <summary>
    /// Deletes several entities and their tables at once (an app being uninstalled), joining the caller's transaction; refused while
    /// entities outside them look them up, and — unless <paramref name="withRecords"/> — while they hold records. With records, their
    /// rows, audit trail, shares and duplicate keys go too and their files are let go (removed after the upload grace period).
    /// <see cref="SchemaChangeResult.RowsAffected"/> is the number of records deleted.
    /// </summary>
    Task<SchemaChangeResult> DeleteEntitiesAsync(IReadOnlyCollection<string> entityNames, bool withRecords, string changedBy, bool dryRun = false, CancellationToken cancellationToken = default);

    /// <summary>How many records an entity holds, counting its recycle bin; 0 for no such entity.</summary>
    Task<long> CountRecordsAsync(string entityName, CancellationToken cancellationToken = default);

    /// <summary>The entity's saved versions, oldest first, each with the SQL that made it.</summary>
    Task<List<SchemaChange>> HistoryAsync(string entityName, CancellationToken cancellationToken = default);
}
