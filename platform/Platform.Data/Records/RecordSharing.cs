using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Records.Sharing;

namespace Platform.Data.Records;

/// <summary>
/// Shares records with people and departments, and hands one person's records to another. Who may share a record: whoever
/// their roles let change it (a share they received is not enough to share it further); the person who shared may take it
/// back. A transfer needs the right to assign (or to change every record) on each entity. Each share, unshare and transfer
/// goes in the record's audit trail.
/// </summary>
public sealed class RecordSharing(PlatformDbContext db, RecordStore store, SchemaManager schemas, IStringLocalizer localizer, TimeProvider clock) : IRecordSharing
{
    public async Task<IReadOnlyList<RecordShare>?> SharesAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var entity = (await schemas.LoadSchemaAsync(cancellationToken)).Find(entityName);
        if (entity is null || await store.GetAsync(entity.Name, id, actor: actor, cancellationToken: cancellationToken) is null)
        {
            return null;
        }

        var key = entity.Name.ToLowerInvariant();
        return await db.RecordShares.AsNoTracking().Where(s => s.EntityKey == key && s.RecordId == id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
    }

    public async Task<RecordResult> ShareAsync(string entityName, Guid id, string? userId, string? departmentId, bool canEdit, Actor actor, CancellationToken cancellationToken = default)
    {
        var (entity, row, refused) = await ShareableAsync(entityName, id, actor, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (string.IsNullOrEmpty(userId) == string.IsNullOrEmpty(departmentId))
        {
            return RecordResult.Fail(RecordOutcome.Invalid, localizer["Records.Share.Error.OneTarget"]);
        }

        if (userId is not null && !await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return RecordResult.Fail(RecordOutcome.Invalid, localizer["Records.Share.Error.NoSuchUser"], "userId");
        }

        if (departmentId is not null && !await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            return RecordResult.Fail(RecordOutcome.Invalid, localizer["Records.Share.Error.NoSuchDepartment"], "departmentId");
        }

        if (userId is not null && Equals(row![SystemFields.Owner], userId))
        {
            return RecordResult.Fail(RecordOutcome.Invalid, localizer["Records.Share.Error.Owner"], "userId");
        }

        var key = entity!.Name.ToLowerInvariant();
        var share = await db.RecordShares.FirstOrDefaultAsync(
            s => s.EntityKey == key && s.RecordId == id && s.UserId == userId && s.DepartmentId == departmentId, cancellationToken);
        if (share is null)
        {
            share = new RecordShare { EntityKey = key, RecordId = id, UserId = userId, DepartmentId = departmentId };
            db.RecordShares.Add(share);
        }

        (share.CanEdit, share.SharedBy, share.SharedAt) = (canEdit, actor.UserId, clock.GetUtcNow());
        db.AuditEntries.Add(Entry(key, id, "share", actor, null, Describe(share)));
        await db.SaveChangesAsync(cancellationToken);
        return RecordResult.Saved((await store.GetAsync(entity.Name, id, cancellationToken: cancellationToken))!);
    }

    public async Task<RecordResult> UnshareAsync(string entityName, Guid id, long shareId, Actor actor, CancellationToken cancellationToken = default)
    {
        var entity = (await schemas.LoadSchemaAsync(cancellationToken)).Find(entityName);
        if (entity is null || await store.GetAsync(entity.Name, id, actor: actor, cancellationToken: cancellationToken) is null)
        {
            return RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NotFound"]);
        }

        var key = entity.Name.ToLowerInvariant();
        var share = await db.RecordShares.FirstOrDefaultAsync(s => s.Id == shareId && s.EntityKey == key && s.RecordId == id, cancellationToken);
        if (share is null)
        {
            return RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Share.Error.NoSuchShare"]);
        }

        if (share.SharedBy != actor.UserId && (await ShareableAsync(entity.Name, id, actor, cancellationToken)).Refused is { } refused)
        {
            return refused;
        }

        db.RecordShares.Remove(share);
        db.AuditEntries.Add(Entry(key, id, "unshare", actor, Describe(share), null));
        await db.SaveChangesAsync(cancellationToken);
        return RecordResult.Saved((await store.GetAsync(entity.Name, id, cancellationToken: cancellationToken))!);
    }

    public async Task<IReadOnlyList<TransferableRecords>?> TransferableAsync(string fromUserId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == fromUserId, cancellationToken))
        {
            return null;
        }

        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var found = new List<TransferableRecords>();
        foreach (var entity in schema.Entities.Where(e => schema.ParentOf(e.Name) is null && MayTransfer(e, actor)))
        {
            await using var reader = (await store.OpenReaderAsync(entity.Name, null, cancellationToken))!;
            found.Add(new(entity.Name, await reader.Live.CountAsync(r => EF.Property<string>(r, SystemFields.Owner) == fromUserId, cancellationToken)));
        }

        return found;
    }

    public async Task<RecordTransferResult> TransferAsync(string fromUserId, string toUserId, IReadOnlyList<string> entities, Actor actor, CancellationToken cancellationToken = default)
    {
        RecordTransferResult Refused(RecordOutcome outcome, string message, string? field = null) => new(outcome, new Dictionary<string, int>(), [new(field, message)]);

        if (fromUserId == toUserId)
        {
            return Refused(RecordOutcome.Invalid, localizer["Records.Transfer.Error.Same"], "to");
        }

        if (!await db.Users.AnyAsync(u => u.Id == fromUserId, cancellationToken))
        {
            return Refused(RecordOutcome.Invalid, localizer["Records.Share.Error.NoSuchUser"], "from");
        }

        if (await db.Users.AsNoTracking().Where(u => u.Id == toUserId).Select(u => new { u.DepartmentId }).FirstOrDefaultAsync(cancellationToken) is not { } receiver)
        {
            return Refused(RecordOutcome.Invalid, localizer["Records.Share.Error.NoSuchUser"], "to");
        }

        if (entities.Count == 0)
        {
            return Refused(RecordOutcome.Invalid, localizer["Records.Transfer.Error.NoEntity"], "entities");
        }

        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var chosen = new List<EntityDefinition>();
        foreach (var name in entities.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (schema.Find(name) is not { } entity || schema.ParentOf(entity.Name) is not null)
            {
                return Refused(RecordOutcome.UnknownEntity, localizer["Records.Error.UnknownEntity", name], "entities");
            }

            if (!MayTransfer(entity, actor))
            {
                return Refused(RecordOutcome.Forbidden, localizer["Records.Transfer.Error.Forbidden", entity.Label.For(CultureInfo.CurrentUICulture.Name)], "entities");
            }

            chosen.Add(entity);
        }

        var moved = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var transaction = await store.BeginTransactionAsync(cancellationToken);
        foreach (var entity in chosen)
        {
            List<(Guid Id, int Version)> owned;
            await using (var reader = (await store.OpenReaderAsync(entity.Name, null, cancellationToken))!)
            {
                owned = (await reader.Live.Where(r => EF.Property<string>(r, SystemFields.Owner) == fromUserId)
                    .Select(r => new { Id = EF.Property<Guid>(r, SystemFields.Id), Version = EF.Property<int>(r, SystemFields.RowVersion) })
                    .ToListAsync(cancellationToken)).Select(r => (r.Id, r.Version)).ToList();
            }

            if (owned.Count > Platform.Records.IRecordStore.MaxBatch)
            {
                await transaction.RollbackAsync();
                return Refused(RecordOutcome.Invalid, localizer["Records.Transfer.Error.TooMany", entity.Label.For(CultureInfo.CurrentUICulture.Name), owned.Count, Platform.Records.IRecordStore.MaxBatch], "entities");
            }

            foreach (var (id, version) in owned)
            {
                var result = await store.UpdateAsync(entity.Name, id, version,
                    new Dictionary<string, object?> { [SystemFields.Owner] = toUserId, [SystemFields.Department] = receiver.DepartmentId }, actor, cancellationToken);
                if (!result.Succeeded)
                {
                    await transaction.RollbackAsync();
                    var label = entity.Label.For(CultureInfo.CurrentUICulture.Name);
                    return new(result.Outcome, new Dictionary<string, int>(),
                        [.. result.Errors.Select(e => new RecordFieldError(e.Field, localizer["Records.Transfer.Error.Record", label, id, e.Message]))]);
                }
            }

            moved[entity.Name] = owned.Count;
        }

        await transaction.CommitAsync(cancellationToken);
        return new(RecordOutcome.Saved, moved, []);
    }

    /// <summary>Whether the actor may hand on anyone's records of the entity: they may assign them, or change every one.</summary>
    private static bool MayTransfer(EntityDefinition entity, Actor actor) =>
        actor.Rights.ScopeOf(entity.Name, RecordAction.Assign) == RecordScope.All || actor.Rights.ScopeOf(entity.Name, RecordAction.Update) == RecordScope.All;

    /// <summary>The entity and row of a live record the actor's own scopes let them change (a share they received does not count).</summary>
    private async Task<(EntityDefinition? Entity, Dictionary<string, object?>? Row, RecordResult? Refused)> ShareableAsync(
        string entityName, Guid id, Actor actor, CancellationToken cancellationToken)
    {
        actor = await new Identity.OrgChart(db).PlaceAsync(actor, cancellationToken);
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        if (schema.Find(entityName) is not { } entity || schema.ParentOf(entity.Name) is not null)
        {
            return (null, null, RecordResult.Fail(RecordOutcome.UnknownEntity, localizer["Records.Error.UnknownEntity", entityName]));
        }

        var visible = await store.GetAsync(entity.Name, id, actor: actor, cancellationToken: cancellationToken);
        var stored = visible is null ? null : await store.GetAsync(entity.Name, id, cancellationToken: cancellationToken);
        if (stored is null)
        {
            return (entity, null, RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NotFound"]));
        }

        var row = stored.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
        if (!RecordStore.ScopedReachOf(schema, entity, actor, RecordAction.Update).Covers(row))
        {
            return (entity, null, RecordResult.Fail(RecordOutcome.Forbidden, localizer["Records.Share.Error.Forbidden"]));
        }

        return (entity, new Dictionary<string, object?>(stored), null);
    }

    private static string Describe(RecordShare share) =>
        $"{(share.UserId is not null ? "user" : "department")}:{share.UserId ?? share.DepartmentId}:{(share.CanEdit ? "edit" : "read")}";

    private AuditEntry Entry(string key, Guid id, string action, Actor actor, string? oldValue, string? newValue) => new()
    {
        EntityKey = key, RecordId = id, Action = action, OldValue = oldValue, NewValue = newValue, At = clock.GetUtcNow(), UserId = actor.UserId, UserName = actor.Name,
    };
}
