using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

public sealed partial class SchemaManager
{
    /// <summary>
    /// A storage key belongs to one entity for good. A document may not name another entity's table
    /// (that once renamed the other entity and emptied its definition); a rename names the entity it
    /// renames explicitly, and that entity must exist while the new name is free.
    /// </summary>
    private static List<MetadataError> RenameProblems(RecordsSchema schema, EntityDefinition? current, EntityDefinition target, string? renames)
    {
        var renamed = renames is null || current is not null ? null : schema.Find(renames);
        if (renames is not null && !string.Equals(renames, target.Name, StringComparison.OrdinalIgnoreCase))
        {
            if (current is not null)
            {
                return [new MetadataError("$.name", $"'{target.Name}' is the name of another entity already; '{renames}' cannot take it.") { Code = "RenameTaken", Arguments = [target.Name, renames] }];
            }

            if (renamed is null)
            {
                return [new MetadataError("$.name", $"There is no entity named '{renames}' to rename.") { Code = "RenameMissing", Arguments = [renames] }];
            }
        }

        var own = current ?? renamed;
        if (target.Table is { } table && !string.Equals(table, own?.Table, StringComparison.OrdinalIgnoreCase)
            && schema.Entities.FirstOrDefault(e => string.Equals(e.Table, table, StringComparison.OrdinalIgnoreCase)) is { } owner)
        {
            return [new MetadataError("$.table", $"The table '{table}' belongs to the entity '{owner.Name}'; another entity cannot take it. To rename '{owner.Name}', send its document with the new name to its own address.") { Code = "TableTaken", Arguments = [table, owner.Name] }];
        }

        return [];
    }

    /// <summary>What a change does to the definition, in words, beside its SQL: the rename, fields added, renamed and removed.</summary>
    private static List<string> Summary(EntityDefinition? renamed, EntityDefinition? current, EntityDefinition target, Dictionary<FieldDefinition, FieldDefinition> matches)
    {
        var summary = new List<string>();
        if (renamed is not null)
        {
            summary.Add($"rename entity '{renamed.Name}' to '{target.Name}' (table {target.Table} and its records stay)");
        }

        if (current is null)
        {
            summary.Add($"create entity '{target.Name}' with {target.Fields.Count(f => !f.Removed)} fields in table {target.Table}");
            return summary;
        }

        foreach (var field in target.Fields)
        {
            var previous = matches.GetValueOrDefault(field);
            if (previous is null)
            {
                summary.Add($"add field '{field.Name}'");
            }
            else if (field.Removed && !previous.Removed)
            {
                summary.Add($"remove field '{field.Name}' (its column and values are kept until purged)");
            }
            else if (!string.Equals(previous.Name, field.Name, StringComparison.Ordinal))
            {
                summary.Add($"rename field '{previous.Name}' to '{field.Name}'");
            }
        }

        return summary;
    }

    /// <summary>
    /// Gives an entity a new API name without touching its table: lookups and lines of other entities
    /// follow it, and its history, audit trail, auto-number counters and the record permissions roles
    /// grant move to the new name. Runs inside the change's transaction; answers the schema as renamed.
    /// </summary>
    private async Task<RecordsSchema> RenameEntityAsync(RecordsSchema schema, EntityDefinition current, string newName, string changedBy, CancellationToken cancellationToken)
    {
        var (oldKey, newKey) = (Key(current.Name), Key(newName));
        var now = clock.GetUtcNow();
        var entities = new List<EntityDefinition>();
        foreach (var entity in schema.Entities)
        {
            var copy = MetadataJson.Copy(entity);
            if (ReferenceEquals(entity, current))
            {
                copy.Name = newName;
            }

            var retargeted = false;
            foreach (var field in copy.Fields.Where(f => string.Equals(f.Target, current.Name, StringComparison.OrdinalIgnoreCase)))
            {
                field.Target = newName;
                retargeted = true;
            }

            if (retargeted && !ReferenceEquals(entity, current))
            {
                var stored = await db.EntityDefinitions.SingleAsync(e => e.Key == Key(entity.Name), cancellationToken);
                db.SchemaChanges.Add(new SchemaChange
                {
                    EntityKey = stored.Key, Version = stored.Version + 1, Before = stored.Document, After = MetadataJson.Write(copy),
                    Sql = "", ChangedAt = now, ChangedBy = changedBy,
                });
                stored.Document = MetadataJson.Write(copy);
                stored.Version++;
                stored.UpdatedAt = now;
                stored.UpdatedBy = changedBy;
            }

            entities.Add(copy);
        }

        var renamed = entities.Single(e => e.Name == newName);
        var old = await db.EntityDefinitions.SingleAsync(e => e.Key == oldKey, cancellationToken);
        db.EntityDefinitions.Remove(old);
        db.EntityDefinitions.Add(new StoredEntityDefinition { Key = newKey, Document = MetadataJson.Write(renamed), Version = old.Version + 1, UpdatedAt = now, UpdatedBy = changedBy });
        db.SchemaChanges.Add(new SchemaChange
        {
            EntityKey = newKey, Version = old.Version + 1, Before = old.Document, After = MetadataJson.Write(renamed), Sql = "", ChangedAt = now, ChangedBy = changedBy,
        });
        await db.SaveChangesAsync(cancellationToken);

        await db.SchemaChanges.Where(c => c.EntityKey == oldKey).ExecuteUpdateAsync(c => c.SetProperty(x => x.EntityKey, newKey), cancellationToken);
        await db.AuditEntries.Where(a => a.EntityKey == oldKey).ExecuteUpdateAsync(a => a.SetProperty(x => x.EntityKey, newKey), cancellationToken);
        await db.StoredFiles.Where(f => f.EntityKey == oldKey).ExecuteUpdateAsync(f => f.SetProperty(x => x.EntityKey, newKey), cancellationToken);
        var counters = await db.Set<AutoNumberCounter>().Where(c => c.Key.StartsWith(oldKey + "/")).ToListAsync(cancellationToken);
        db.RemoveRange(counters);
        db.AddRange(counters.Select(c => new AutoNumberCounter { Key = newKey + c.Key[oldKey.Length..], Last = c.Last }));
        var permissionPrefix = $"Records.{oldKey}.";
        foreach (var claim in await db.RoleClaims.Where(c => c.ClaimValue!.StartsWith(permissionPrefix)).ToListAsync(cancellationToken))
        {
            claim.ClaimValue = $"Records.{newKey}.{claim.ClaimValue![permissionPrefix.Length..]}";
        }

        await db.SaveChangesAsync(cancellationToken);
        return new RecordsSchema(entities);
    }
}
