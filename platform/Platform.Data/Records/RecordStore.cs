using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Records.Saving;

namespace Platform.Data.Records;

/// <summary>
/// Creates, reads, updates, deletes (to the recycle bin) and restores records of any entity. The
/// one path for the API, the UI and workflows: values are converted and checked per field, row
/// versions guard against lost updates, and every change writes its audit entries in the same
/// transaction as the record.
/// </summary>
public sealed partial class RecordStore(
    PlatformDbContext db, RecordsDbContextFactory factory, SchemaManager schemas, RecordValueConverter converter, Platform.Rules.ScriptHost scripts,
    IEnumerable<IRecordSaveHandler> hooks, IStringLocalizer localizer, Microsoft.Extensions.Logging.ILogger<RecordStore> logger, TimeProvider clock) : IRecordStore
{
    private SaveSteps? _steps;

    /// <summary>Places actors in the organisation when a right of theirs follows the tree (done once per call, at the door).</summary>
    private readonly Identity.OrgChart _org = new(db);

    /// <summary>The steps every save runs through, in order (built on first use: after-save scripts save through this service).</summary>
    private SaveSteps Steps => _steps ??= new(db, converter, scripts, hooks, localizer, logger, this);

    /// <summary>A record with its lines; null when there is none or <paramref name="actor"/> may not read it.</summary>
    public async Task<IReadOnlyDictionary<string, object?>?> GetAsync(string entityName, Guid id, bool includeDeleted = false, Actor? actor = null, CancellationToken cancellationToken = default)
    {
        actor = actor is null ? null : await _org.PlaceAsync(actor, cancellationToken);
        var (entity, records) = await OpenAsync(entityName, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        await using (records)
        {
            var row = await records!.Set<Dictionary<string, object>>(entity.Name).AsNoTracking()
                .SingleOrDefaultAsync(r => EF.Property<Guid>(r, SystemFields.Id) == id, cancellationToken);
            if (row is null || (!includeDeleted && row.GetValueOrDefault(SystemFields.DeletedAt) is not null)
                || (actor is not null && !ReachOf(records.Schema, entity, actor, RecordAction.Read).Covers(row)))
            {
                return null;
            }

            var record = RecordRows.Present(entity, row);
            await AddLinesAsync(records, entity, [record], cancellationToken);
            HideFrom(records.Schema, entity, record, actor);
            return record;
        }
    }

    /// <summary>Begins (or joins) one transaction for the saves that follow, so they all hold or none do.</summary>
    public async Task<IRecordTransaction> BeginTransactionAsync(CancellationToken cancellationToken = default) =>
        new RecordTransaction(db, await JoinedTransaction.JoinOrBeginAsync(db, cancellationToken));

    public Task<RecordResult> CreateAsync(string entityName, IReadOnlyDictionary<string, object?> values, Actor actor, CancellationToken cancellationToken = default) =>
        CreateAsync(entityName, values, actor, null, cancellationToken);

    public Task<RecordResult> CreateAsync(string entityName, IReadOnlyDictionary<string, object?> values, Actor actor, Guid? id, CancellationToken cancellationToken = default) =>
        CreateAsync(entityName, values, actor, id, documentStep: false, cancellationToken);

    /// <param name="documentStep">True when amending a cancelled document: the new draft may point at it.</param>
    private async Task<RecordResult> CreateAsync(string entityName, IReadOnlyDictionary<string, object?> values, Actor actor, Guid? id, bool documentStep, CancellationToken cancellationToken)
    {
        actor = await _org.PlaceAsync(actor, cancellationToken);
        var (entity, records) = await OpenAsync(entityName, cancellationToken);
        if (entity is null)
        {
            return UnknownEntity(entityName);
        }

        await using (records)
        {
            if (LinesOnlyWithParent(records!, entity) is { } refused)
            {
                return refused;
            }

            if (Steps.Access.RefuseCreate(records!.Schema, entity, actor) is { } forbidden)
            {
                return forbidden;
            }

            var now = clock.GetUtcNow();
            var row = RowStamps.New(actor, now);
            if (id is { } chosen)
            {
                row[SystemFields.Id] = chosen;
            }

            row[SystemFields.Owner] = actor.UserId;
            row[SystemFields.Department] = actor.DepartmentId!;
            var run = await Steps.Rules.ForAsync(records, entity, actor, cancellationToken);
            var lineAudit = new List<AuditEntry>();
            var errors = await Steps.TakeValuesAsync(new RowSave(records, entity, row, null, values, actor) { DocumentStep = documentStep }, now, lineAudit, run, cancellationToken);
            if (errors.Count > 0)
            {
                return new RecordResult(RecordOutcome.Invalid, null, errors);
            }
            var counters = await Steps.Numbers.PrepareAsync(entity, now, cancellationToken);
            records!.NewRows.Add((entity, row));
            // One entry for a new record, holding every value it was created with; changes later get one entry per field.
            var audit = AuditEntries.Of(entity, row, "create", actor, now, null, null, null);
            var created = Steps.Handlers.Change(RecordChangeKinds.Created, actor);
            if (counters.Count == 0)
            {
                audit.NewValue = AuditEntries.ValuesJson(entity, row);
                return await SaveAsync(records, entity, row, [audit, .. lineAudit], actor, cancellationToken, run: run, change: created);
            }

            return await SaveAsync(records, entity, row, [audit, .. lineAudit], actor, cancellationToken, async () =>
            {
                await Steps.Numbers.DrawAsync(row, counters, cancellationToken);
                audit.NewValue = AuditEntries.ValuesJson(entity, row);
            }, run, created);
        }
    }

    public Task<RecordResult> UpdateAsync(string entityName, Guid id, int expectedRowVersion, IReadOnlyDictionary<string, object?> values, Actor actor, CancellationToken cancellationToken = default) =>
        UpdateAsync(entityName, id, expectedRowVersion, values, actor, documentStep: false, cancellationToken);

    /// <param name="documentStep">True for a submit or a cancel: the save that sets a document's status, which holds every other.</param>
    private async Task<RecordResult> UpdateAsync(string entityName, Guid id, int expectedRowVersion, IReadOnlyDictionary<string, object?> values, Actor actor, bool documentStep,
        CancellationToken cancellationToken)
    {
        actor = await _org.PlaceAsync(actor, cancellationToken);
        var (entity, records) = await OpenAsync(entityName, cancellationToken);
        if (entity is null)
        {
            return UnknownEntity(entityName);
        }

        await using (records)
        {
            if (LinesOnlyWithParent(records!, entity) is { } refused)
            {
                return refused;
            }

            var row = await FindLiveAsync(records!, entity, id, cancellationToken);
            if (row is null)
            {
                return RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NotFound"]);
            }

            var access = await Steps.Access.CheckChangeAsync(records!.Schema, entity, row, expectedRowVersion, RecordAction.Update, actor, cancellationToken, documentStep);
            if (access.Refused is { } refusedChange)
            {
                return refusedChange;
            }

            var before = new Dictionary<string, object>(row);
            var now = clock.GetUtcNow();
            var run = await Steps.Rules.ForAsync(records, entity, actor, cancellationToken);
            run?.Old = RecordRows.Present(entity, before);
            run?.DocumentStep = documentStep;
            var lineAudit = new List<AuditEntry>();
            var errors = await Steps.TakeValuesAsync(new RowSave(records, entity, row, before, values, actor) { DocumentStep = documentStep }, now, lineAudit, run, cancellationToken);
            if (errors.Count > 0)
            {
                return new RecordResult(RecordOutcome.Invalid, null, errors);
            }

            RowStamps.Changed(records!, row, expectedRowVersion, actor, now);
            var changed = entity.LiveFields.Where(f => FieldTypes.Find(f.Type)!.HasColumn).Concat(AssignableFields.All).Select(f => f.Name)
                .Where(name => !Equals(before.GetValueOrDefault(name), row.GetValueOrDefault(name))).ToList();
            if (Steps.Access.RefuseOutside(access, entity, changed, lineAudit, records.Schema) is { } outside)
            {
                return outside;
            }

            var audit = changed.Select(name => AuditEntries.Of(entity, row, "update", actor, now, name, before.GetValueOrDefault(name), row.GetValueOrDefault(name)));
            return await SaveAsync(records!, entity, row, [.. audit, .. lineAudit], actor, cancellationToken, run: run,
                change: Steps.Handlers.Change(RecordChangeKinds.Updated, actor, [RecordRows.Present(entity, before)], [changed]));
        }
    }

    /// <summary>
    /// A reader over the live (not deleted) records of an entity, for queries that run in the
    /// database; null when there is no such entity. Dispose it when the query has run.
    /// </summary>
    /// <param name="actor">Whose read rights limit the records; the platform itself (all records) when null.</param>
    public async Task<IRecordReader?> OpenReaderAsync(string entityName, Actor? actor = null, CancellationToken cancellationToken = default)
    {
        actor = actor is null ? null : await _org.PlaceAsync(actor, cancellationToken);
        var (entity, records) = await OpenAsync(entityName, cancellationToken);
        return entity is null ? null : new RecordReader(entity, records!, actor ?? Actor.Platform);
    }

    /// <summary>Moves a record to the recycle bin; <see cref="RestoreAsync"/> brings it back.</summary>
    public Task<RecordResult> DeleteAsync(string entityName, Guid id, int expectedRowVersion, Actor actor, CancellationToken cancellationToken = default) =>
        SetDeletedAsync(entityName, id, expectedRowVersion, actor, deleted: true, cancellationToken);

    public Task<RecordResult> RestoreAsync(string entityName, Guid id, int expectedRowVersion, Actor actor, CancellationToken cancellationToken = default) =>
        SetDeletedAsync(entityName, id, expectedRowVersion, actor, deleted: false, cancellationToken);

    public async Task<List<AuditEntry>> AuditTrailAsync(string entityName, Guid? recordId = null, Actor? actor = null, CancellationToken cancellationToken = default)
    {
        var key = entityName.ToLowerInvariant();
        var trail = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityKey == key && (recordId == null || a.RecordId == recordId)) || (recordId != null && a.ParentRecordId == recordId))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return actor is null || actor.Rights.Unrestricted ? trail : HiddenLeftOut(trail, await schemas.LoadSchemaAsync(cancellationToken), actor);
    }

    private async Task<RecordResult> SetDeletedAsync(string entityName, Guid id, int expectedRowVersion, Actor actor, bool deleted, CancellationToken cancellationToken)
    {
        actor = await _org.PlaceAsync(actor, cancellationToken);
        var (entity, records) = await OpenAsync(entityName, cancellationToken);
        if (entity is null)
        {
            return UnknownEntity(entityName);
        }

        await using (records)
        {
            if (LinesOnlyWithParent(records!, entity) is { } refusedLines)
            {
                return refusedLines;
            }

            var row = await records!.Set<Dictionary<string, object>>(entity.Name)
                .SingleOrDefaultAsync(r => EF.Property<Guid>(r, SystemFields.Id) == id, cancellationToken);
            if (row is null || (row.GetValueOrDefault(SystemFields.DeletedAt) is not null) != !deleted)
            {
                return RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NotFound"]);
            }

            if ((await Steps.Access.CheckChangeAsync(records.Schema, entity, row, expectedRowVersion, RecordAction.Delete, actor, cancellationToken)).Refused is { } refusedChange)
            {
                return refusedChange;
            }

            var now = clock.GetUtcNow();
            var audit = new List<AuditEntry>();
            if (deleted)
            {
                var refused = await ApplyDeleteRulesAsync(records, entity, id, actor, now, audit, [], cancellationToken);
                if (refused.Count > 0)
                {
                    return new RecordResult(RecordOutcome.Invalid, null, refused);
                }
            }

            await MoveLinesWithParentAsync(records, entity, id, row.GetValueOrDefault(SystemFields.DeletedAt) as DateTimeOffset?, deleted, actor, now, audit, cancellationToken);
            row[SystemFields.DeletedAt] = deleted ? now : null!;
            RowStamps.Changed(records, row, expectedRowVersion, actor, now);
            audit.Insert(0, AuditEntries.Of(entity, row, deleted ? "delete" : "restore", actor, now, null, null, null));
            return await SaveAsync(records, entity, row, audit, actor, cancellationToken,
                change: Steps.Handlers.Change(deleted ? RecordChangeKinds.Deleted : RecordChangeKinds.Restored, actor));
        }
    }

    private async Task<(EntityDefinition? Entity, RecordsDbContext? Records)> OpenAsync(string entityName, CancellationToken cancellationToken)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var entity = schema.Find(entityName);
        if (entity is null)
        {
            return (null, null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var records = factory.Create(db.Database.GetDbConnection(), schema);
        if (db.Database.CurrentTransaction is { } transaction)
        {
            // A save run by another save's after-save script reads and writes in that save's transaction.
            records.Database.UseTransaction(transaction.GetDbTransaction());
        }

        return (entity, records);
    }

    private static Task<Dictionary<string, object>?> FindLiveAsync(RecordsDbContext records, EntityDefinition entity, Guid id, CancellationToken cancellationToken) =>
        records.Set<Dictionary<string, object>>(entity.Name)
            .SingleOrDefaultAsync(r => EF.Property<Guid>(r, SystemFields.Id) == id && EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null, cancellationToken);

    /// <summary>A save a step refused: nothing it tracked is kept, and a transaction it began is rolled back (a joined one is left to whoever began it).</summary>
    private async Task<IReadOnlyList<RecordResult>> RefusedAsync(IReadOnlyList<Dictionary<string, object>> rows, List<RecordFieldError> errors, IDbContextTransaction transaction, string? savepoint)
    {
        db.ChangeTracker.Clear();
        if (savepoint is null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        else
        {
            await transaction.RollbackToSavepointAsync(savepoint, CancellationToken.None);
        }

        return [.. rows.Select(_ => new RecordResult(RecordOutcome.Invalid, null, errors))];
    }

    private async Task<RecordResult> SaveAsync(RecordsDbContext records, EntityDefinition entity, Dictionary<string, object> row, IEnumerable<AuditEntry> audit, Actor actor, CancellationToken cancellationToken, Func<Task>? insideTransaction = null, RuleRun? run = null, HandlerChange? change = null) =>
        (await SaveRowsAsync(records, entity, [row], audit, insideTransaction, run, actor, cancellationToken, change))[0];

    /// <summary>
    /// Saves records, their lines, their audit entries and what they changed in platform tables
    /// (auto-number counters, attached files) in one transaction, then runs the entity's after-save
    /// scripts, whose changes to other records join that transaction. A save made by an after-save
    /// script joins the transaction of the save that ran it: everything commits together or not at all.
    /// The saved records are answered as <paramref name="actor"/> may see them.
    /// </summary>
    private async Task<IReadOnlyList<RecordResult>> SaveRowsAsync(RecordsDbContext records, EntityDefinition entity, IReadOnlyList<Dictionary<string, object>> rows, IEnumerable<AuditEntry> audit, Func<Task>? insideTransaction, RuleRun? run, Actor actor, CancellationToken cancellationToken, HandlerChange? change = null)
    {
        var joined = await JoinedTransaction.JoinOrBeginAsync(db, cancellationToken);
        var (owns, transaction) = (joined.Owns, joined.Current);
        // Inside another change (an import's chunk, an after-save script's save) a refusal undoes this save only, back to
        // its savepoint: the change under way stays usable (PostgreSQL would otherwise refuse every later statement in it).
        var savepoint = owns ? null : $"record_save_{Guid.NewGuid():N}";
        try
        {
            records.Database.UseTransaction(transaction.GetDbTransaction());
            if (savepoint is not null)
            {
                await transaction.CreateSavepointAsync(savepoint, cancellationToken);
            }

            if (change is not null && await Steps.Handlers.SavingAsync(entity, rows, change, cancellationToken) is { Count: > 0 } stopped)
            {
                return await RefusedAsync(rows, stopped, transaction, savepoint);
            }

            if (insideTransaction is not null)
            {
                await insideTransaction();
            }

            await RecordInserter.InsertNewAsync(records, cancellationToken);
            if (records.ChangeTracker.HasChanges())
            {
                await records.SaveChangesAsync(cancellationToken);
            }

            // Written after the numbers are drawn: the entry of a new record holds its values, the number included.
            await AuditWriter.WriteAsync(db, [.. audit], cancellationToken);
            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            List<RecordFieldError> refused = run is null ? [] : await Steps.AfterSave.RunAsync(entity, rows, run, cancellationToken);
            if (refused.Count == 0 && change is not null)
            {
                refused = await Steps.Handlers.SavedAsync(entity, rows, change, cancellationToken);
            }

            if (refused.Count > 0)
            {
                return await RefusedAsync(rows, refused, transaction, savepoint);
            }

            if (owns)
            {
                await transaction.CommitAsync(cancellationToken);
                records.Database.UseTransaction(null);
            }
            else
            {
                await transaction.ReleaseSavepointAsync(savepoint!, cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (savepoint is not null)
            {
                await transaction.RollbackToSavepointAsync(savepoint, CancellationToken.None);
            }

            return [.. rows.Select(_ => RecordResult.Fail(RecordOutcome.Conflict, localizer["Records.Error.Conflict"]))];
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // Unique values are guarded by the database's unique indexes (no extra query on the happy
            // path); after a refusal, find the field(s) to name. A miss means a race: say so generally.
            db.ChangeTracker.Clear();
            records.ChangeTracker.Clear();
            records.NewRows.Clear();
            if (owns)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                records.Database.UseTransaction(null);
            }
            else
            {
                await transaction.RollbackToSavepointAsync(savepoint!, CancellationToken.None);
            }

            var results = new List<RecordResult>();
            foreach (var row in rows)
            {
                var duplicates = await DuplicatesAsync(records, entity, row, cancellationToken);
                results.Add(duplicates.Count > 0
                    ? new RecordResult(RecordOutcome.Invalid, null, duplicates)
                    : RecordResult.Fail(RecordOutcome.Invalid, localizer["Records.Error.SaveRefused"]));
            }

            return results;
        }
        finally
        {
            await joined.DisposeAsync();
        }

        var presented = rows.Select(row => RecordRows.Present(entity, row)).ToList();
        await AddLinesAsync(records, entity, presented, cancellationToken);
        presented.ForEach(record => HideFrom(records.Schema, entity, record, actor));
        return [.. presented.Select(RecordResult.Saved)];
    }

    /// <summary>Lines change only with their parent (one transaction, one row version to guard them); never on their own.</summary>
    private RecordResult? LinesOnlyWithParent(RecordsDbContext records, EntityDefinition entity) =>
        records.Schema.ParentOf(entity.Name) is { } parent
            ? RecordResult.Fail(RecordOutcome.Invalid, localizer["Records.Error.LinesOnlyWithParent", parent.Parent.Label.For(CultureInfo.CurrentUICulture.Name)])
            : null;

    private RecordResult UnknownEntity(string name) => RecordResult.Fail(RecordOutcome.UnknownEntity, localizer["Records.Error.UnknownEntity", name]);
}
