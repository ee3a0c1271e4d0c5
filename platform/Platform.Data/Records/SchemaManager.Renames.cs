using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

public sealed partial class SchemaManager
{
    /// <summary>
    /// The entity a document renames: one whose table the document names under another name (documents
    /// read from the API or exported carry their table). Null when the document renames nothing.
    /// </summary>
    private static EntityDefinition? RenamedBy(RecordsSchema schema, EntityDefinition target) =>
        schema.Find(target.Name) is null && target.Table is { } table
            ? schema.Entities.FirstOrDefault(e => string.Equals(e.Table, table, StringComparison.OrdinalIgnoreCase))
            : null;

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
