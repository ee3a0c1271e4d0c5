using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Records.Saving;
using Platform.Records.Merging;

namespace Platform.Data.Records;

/// <summary>
/// Merging a duplicate into the record kept (<see cref="IRecordMerging"/>): references repointed, shares and the chosen files moved,
/// the duplicate to the recycle bin, the kept record saved with the chosen values through the ordinary save (rules, checks,
/// duplicate rules) — in one transaction that a refusal anywhere rolls back.
/// </summary>
public sealed partial class RecordStore : IRecordMerging
{
    public async Task<IReadOnlyList<string>?> TakeableAsync(string entityName, Actor actor, CancellationToken cancellationToken = default)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        return schema.Find(entityName) is { } entity && schema.ParentOf(entity.Name) is null ? [.. Takeable(entity, actor)] : null;
    }

    public async Task<RecordResult> MergeAsync(string entityName, Guid keptId, int keptVersion, Guid mergedId, int mergedVersion, IReadOnlyCollection<string> taken,
        Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await _org.PlaceAsync(actor, cancellationToken);
        await using var transaction = await BeginTransactionAsync(cancellationToken);
        var result = await MergeInTransactionAsync(entityName, keptId, keptVersion, mergedId, mergedVersion, taken, actor, cancellationToken);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync();
        }

        return result;
    }

    private async Task<RecordResult> MergeInTransactionAsync(string entityName, Guid keptId, int keptVersion, Guid mergedId, int mergedVersion, IReadOnlyCollection<string> taken,
        Actor actor, CancellationToken cancellationToken)
    {
        var (entity, records) = await OpenAsync(entityName, cancellationToken);
        if (entity is null)
        {
            return UnknownEntity(entityName);
        }

        await using (records)
        {
            if (records!.Schema.ParentOf(entity.Name) is not null)
            {
                return RecordResult.Fail(RecordOutcome.Invalid, localizer["Records.Merge.Error.Lines"]);
            }

            if (keptId == mergedId)
            {
                return RecordResult.Fail(RecordOutcome.Invalid, localizer["Records.Merge.Error.Itself"], "mergedId");
            }

            var takeable = Takeable(entity, actor).ToHashSet(StringComparer.Ordinal);
            if (taken.FirstOrDefault(name => name is null || !takeable.Contains(name)) is var refusedField && taken.Any(name => name == refusedField))
            {
                return RecordResult.Fail(RecordOutcome.Invalid, localizer["Records.Merge.Error.Field", refusedField ?? ""], refusedField);
            }

            taken = [.. taken.Distinct(StringComparer.Ordinal)]; // a field named twice is taken once

            var kept = await FindLiveAsync(records, entity, keptId, cancellationToken);
            var merged = await FindLiveAsync(records, entity, mergedId, cancellationToken);
            if (kept is null || merged is null
                || !ReachOf(records.Schema, entity, actor, RecordAction.Read).Covers(kept) || !ReachOf(records.Schema, entity, actor, RecordAction.Read).Covers(merged))
            {
                return RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Merge.Error.Gone"], kept is null ? "keptId" : "mergedId");
            }

            foreach (var (row, version, action) in new[] { (kept, keptVersion, RecordAction.Update), (merged, mergedVersion, RecordAction.Delete) })
            {
                if ((await Steps.Access.CheckChangeAsync(records.Schema, entity, row, version, action, actor, cancellationToken)).Refused is { } refused)
                {
                    return refused;
                }
            }

            var others = RecordRows.Present(entity, merged);
            var values = taken.ToDictionary(name => name, name => others.GetValueOrDefault(name), StringComparer.Ordinal);
            foreach (var own in entity.LiveFields.Where(f => f.Type == FieldTypes.Lookup.Name && string.Equals(f.Target, entity.Name, StringComparison.OrdinalIgnoreCase)))
            {
                // A record pointing at itself makes no sense: the kept one's parent was the merged one (or takes the kept one) → none.
                var pointsAt = values.TryGetValue(own.Name, out var chosen) ? chosen : kept.GetValueOrDefault(own.Name);
                if (Equals(pointsAt, keptId) || Equals(pointsAt, mergedId))
                {
                    values[own.Name] = null;
                }
            }

            var now = clock.GetUtcNow();
            var audit = new List<AuditEntry>();
            await RepointAsync(records, entity, mergedId, keptId, actor, now, audit, cancellationToken);
            await MoveSharesAndFilesAsync(entity, keptId, mergedId, taken, cancellationToken);

            // The merged record to the recycle bin, letting go of the unique values the kept one takes (the recycle bin would hold them).
            foreach (var field in entity.LiveFields.Where(f => f.Unique && values.ContainsKey(f.Name)))
            {
                merged[field.Name] = null!;
            }

            await MoveLinesWithParentAsync(records, entity, mergedId, null, deleted: true, actor, now, audit, cancellationToken);
            merged[SystemFields.DeletedAt] = now;
            RowStamps.Changed(records, merged, mergedVersion, actor, now);
            audit.Insert(0, AuditEntries.Of(entity, merged, "merge", actor, now, null, null, keptId));
            audit.Insert(1, AuditEntries.Of(entity, merged, "delete", actor, now, null, null, null));
            audit.Add(AuditEntries.Of(entity, kept, "merge", actor, now, null, mergedId, null));
            var deleted = await SaveAsync(records, entity, merged, audit, actor, cancellationToken, change: Steps.Handlers.Change(RecordChangeKinds.Deleted, actor));
            return deleted.Succeeded ? await UpdateAsync(entity.Name, keptId, keptVersion, values, actor, cancellationToken) : deleted;
        }
    }

    /// <summary>The fields a merge may take from the other record: stored values the person may change (not computed, numbered or lines).</summary>
    private static IEnumerable<string> Takeable(EntityDefinition entity, Actor actor)
    {
        var access = FieldAccess.Of(entity, actor.Rights);
        return entity.LiveFields
            .Where(f => FieldTypes.Find(f.Type) is { HasColumn: true } type && type != FieldTypes.AutoNumber && type != FieldTypes.Computed && type != FieldTypes.Lines)
            .Where(f => access.MayChange(f.Name))
            .Select(f => f.Name);
    }

    /// <summary>
    /// Every record pointing at the merged one — live or in the recycle bin, of any entity or line — points at the kept one; the kept
    /// one itself is left to its save (it would point at itself).
    /// </summary>
    private static async Task RepointAsync(RecordsDbContext records, EntityDefinition entity, Guid mergedId, Guid keptId, Actor actor, DateTimeOffset now, List<AuditEntry> audit, CancellationToken cancellationToken)
    {
        foreach (var referrer in records.Schema.Entities)
        {
            var parent = records.Schema.ParentOf(referrer.Name);
            foreach (var lookup in referrer.LiveFields.Where(f => f.Type == FieldTypes.Lookup.Name && string.Equals(f.Target, entity.Name, StringComparison.OrdinalIgnoreCase)))
            {
                var referring = await records.Set<Dictionary<string, object>>(referrer.Name)
                    .Where(r => EF.Property<Guid?>(r, lookup.Name) == mergedId).ToListAsync(cancellationToken);
                foreach (var row in referring.Where(r => !Equals(r[SystemFields.Id], keptId)))
                {
                    var version = (int)row[SystemFields.RowVersion];
                    row[lookup.Name] = keptId;
                    RowStamps.Changed(records, row, version, actor, now);
                    audit.Add(AuditEntries.Of(referrer, row, "update", actor, now, lookup.Name, mergedId, keptId,
                        parent is null ? null : row.GetValueOrDefault(SystemFields.ParentId) as Guid?));
                }
            }
        }
    }

    /// <summary>Shares of the merged record to the kept one (unless it is shared with them already); files of the fields taken likewise.</summary>
    private async Task MoveSharesAndFilesAsync(EntityDefinition entity, Guid keptId, Guid mergedId, IReadOnlyCollection<string> taken, CancellationToken cancellationToken)
    {
        var key = entity.Name.ToLowerInvariant();
        var shares = await db.RecordShares.Where(s => s.EntityKey == key && (s.RecordId == mergedId || s.RecordId == keptId)).ToListAsync(cancellationToken);
        foreach (var share in shares.Where(s => s.RecordId == mergedId))
        {
            if (shares.Any(s => s.RecordId == keptId && s.UserId == share.UserId && s.DepartmentId == share.DepartmentId))
            {
                db.RecordShares.Remove(share);
            }
            else
            {
                share.RecordId = keptId;
            }
        }

        var fileFields = entity.LiveFields.Where(f => FieldTypes.Find(f.Type)!.HoldsFiles && taken.Contains(f.Name)).Select(f => f.Name).ToList();
        if (fileFields.Count > 0)
        {
            await db.StoredFiles.Where(f => f.EntityKey == key && f.RecordId == mergedId && f.FieldName != null && fileFields.Contains(f.FieldName))
                .ExecuteUpdateAsync(f => f.SetProperty(x => x.RecordId, keptId), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
