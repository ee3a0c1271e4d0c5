using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records.Saving;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>Moves the live lines of a record to the recycle bin with it, or brings back those that went with it.</summary>
    private static async Task MoveLinesWithParentAsync(RecordsDbContext records, EntityDefinition entity, Guid parentId, DateTimeOffset? parentDeletedAt, bool deleted, Actor actor, DateTimeOffset now, List<AuditEntry> audit, CancellationToken cancellationToken)
    {
        foreach (var field in entity.Fields.Where(f => f.Type == FieldTypes.Lines.Name))
        {
            var lineEntity = records.Schema.Find(field.Target!)!;
            var lines = await records.Set<Dictionary<string, object>>(lineEntity.Name)
                .Where(r => EF.Property<Guid?>(r, SystemFields.ParentId) == parentId && EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == (deleted ? null : parentDeletedAt))
                .ToListAsync(cancellationToken);
            foreach (var line in lines)
            {
                var version = (int)line[SystemFields.RowVersion];
                line[SystemFields.DeletedAt] = deleted ? now : null!;
                RowStamps.Changed(records, line, version, actor, now);
                audit.Add(AuditEntries.Of(lineEntity, line, deleted ? "delete" : "restore", actor, now, null, null, null, parentId));
            }
        }
    }

    /// <summary>Adds the live lines of each lines field to the presented records, in line order (one query per field).</summary>
    internal static async Task AddLinesAsync(RecordsDbContext records, EntityDefinition entity, IReadOnlyList<Dictionary<string, object?>> presented, CancellationToken cancellationToken)
    {
        if (presented.Count == 0)
        {
            return;
        }

        foreach (var field in entity.LiveFields.Where(f => f.Type == FieldTypes.Lines.Name))
        {
            var lines = await LinesOfAsync(records, records.Schema.Find(field.Target!)!, presented.Select(p => (Guid)p[SystemFields.Id]!).ToList(), cancellationToken);
            foreach (var record in presented)
            {
                record[field.Name] = lines[(Guid)record[SystemFields.Id]!].ToList();
            }
        }
    }

    /// <summary>The live lines of the given parents, grouped by parent and ordered by line number.</summary>
    internal static async Task<ILookup<Guid, Dictionary<string, object?>>> LinesOfAsync(RecordsDbContext records, EntityDefinition lineEntity, IReadOnlyCollection<Guid> parentIds, CancellationToken cancellationToken)
    {
        var ids = parentIds.Select(id => (Guid?)id).ToList();
        var rows = await records.Set<Dictionary<string, object>>(lineEntity.Name).AsNoTracking()
            .Where(r => ids.Contains(EF.Property<Guid?>(r, SystemFields.ParentId)) && EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null)
            .OrderBy(r => EF.Property<int?>(r, SystemFields.LineNumber))
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => (Guid)r[SystemFields.ParentId], r => RecordRows.Present(lineEntity, r));
    }
}
