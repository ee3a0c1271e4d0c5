using Platform.Core.Security;

namespace Platform.Records;

/// <summary>
/// Creates, reads, updates, deletes (to the recycle bin) and restores records of any entity: the one
/// path for the API, the pages, imports and workflows. Every save is checked per field and by the
/// entity's rules, guarded by its row version, limited to what <see cref="Actor"/> may do, and
/// written with its audit entries in one transaction (see <see cref="IRecordSaveHandler"/> for the
/// steps a save takes).
/// </summary>
public interface IRecordStore
{
    /// <summary>The most records one batch (an import, an API batch) creates in one transaction.</summary>
    const int MaxBatch = 5000;

    /// <summary>The most lines one record's line field holds.</summary>
    const int MaxLines = 1000;

    /// <summary>A record with its lines; null when there is none or <paramref name="actor"/> may not read it.</summary>
    Task<IReadOnlyDictionary<string, object?>?> GetAsync(string entityName, Guid id, bool includeDeleted = false, Actor? actor = null, CancellationToken cancellationToken = default);

    Task<RecordResult> CreateAsync(string entityName, IReadOnlyDictionary<string, object?> values, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>Creates a record under an id chosen beforehand (a script's <c>create</c> answered it; null: a new one).</summary>
    Task<RecordResult> CreateAsync(string entityName, IReadOnlyDictionary<string, object?> values, Actor actor, Guid? id, CancellationToken cancellationToken = default);

    /// <summary>Creates every record of the batch or none (at most <see cref="MaxBatch"/>); one result per record, in order.</summary>
    Task<IReadOnlyList<RecordResult>> CreateManyAsync(string entityName, IReadOnlyList<IReadOnlyDictionary<string, object?>> batch, Actor actor, CancellationToken cancellationToken = default);

    Task<RecordResult> UpdateAsync(string entityName, Guid id, int expectedRowVersion, IReadOnlyDictionary<string, object?> values, Actor actor, CancellationToken cancellationToken = default);

    Task<RecordResult> DeleteAsync(string entityName, Guid id, int expectedRowVersion, Actor actor, CancellationToken cancellationToken = default);

    Task<RecordResult> RestoreAsync(string entityName, Guid id, int expectedRowVersion, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>What the form would show after these values: defaults, formulas, field states and errors, with nothing written.</summary>
    /// <param name="edited">The fields the person just typed (<c>lines[2].priceWithTax</c>): only their change rules run, and may overwrite the other values sent. Null: every field given a new value runs its change rules.</param>
    Task<RecordPreview?> PreviewAsync(string entityName, Guid? id, IReadOnlyDictionary<string, object?> values, Actor actor, IReadOnlyCollection<string>? edited = null, CancellationToken cancellationToken = default);

    /// <summary>Read access to one entity's live records as a database query; null when the entity does not exist.</summary>
    Task<IRecordReader?> OpenReaderAsync(string entityName, Actor? actor = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The changes of a record (its lines' included), or of all an entity's records, oldest first; for <paramref name="actor"/>
    /// without the changes and created values of fields they may not see (null: the platform, everything).
    /// </summary>
    Task<List<AuditEntry>> AuditTrailAsync(string entityName, Guid? recordId = null, Actor? actor = null, CancellationToken cancellationToken = default);

    /// <summary>What holds this record now (an approval), with the reason in the actor's language and the fields it still lets them change; null when nothing holds it.</summary>
    Task<RecordHold?> HeldAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>What the actor may do with this record beyond reading it; null when they cannot read it (or there is no such record).</summary>
    Task<RecordAllowance?> AllowanceAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>Joins the transaction under way or begins one, so that several saves (and a caller's own writes) commit or roll back together.</summary>
    Task<IRecordTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default);
}
