using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;

using Platform.Data.Records.Saving;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>
    /// Applies the delete rules of every lookup that points at the record being deleted: refuses
    /// (restrict), empties the lookup (set null) or deletes the referring records too (cascade, in
    /// turn applying their own rules). Everything is tracked in <paramref name="records"/> and saved
    /// with the delete, in one transaction.
    /// </summary>
    private async Task<List<RecordFieldError>> ApplyDeleteRulesAsync(RecordsDbContext records, EntityDefinition entity, Guid id, Actor actor, DateTimeOffset now, List<AuditEntry> audit, HashSet<Guid> visited, CancellationToken cancellationToken)
    {
        var errors = new List<RecordFieldError>();
        if (!visited.Add(id))
        {
            return errors;
        }

        foreach (var referrer in records.Schema.Entities)
        {
            foreach (var lookup in referrer.LiveFields.Where(f => f.Type == FieldTypes.Lookup.Name && string.Equals(f.Target, entity.Name, StringComparison.OrdinalIgnoreCase)))
            {
                var referring = await records.Set<Dictionary<string, object>>(referrer.Name)
                    .Where(r => EF.Property<Guid?>(r, lookup.Name) == id && EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null)
                    .ToListAsync(cancellationToken);
                if (referring.Count == 0)
                {
                    continue;
                }

                switch (LookupDeleteRules.Of(lookup))
                {
                    case LookupDeleteRules.SetNull:
                        foreach (var row in referring)
                        {
                            var version = (int)row[SystemFields.RowVersion];
                            row[lookup.Name] = null!;
                            RowStamps.Changed(records, row, version, actor, now);
                            audit.Add(AuditEntries.Of(referrer, row, "update", actor, now, lookup.Name, id, null));
                        }

                        break;
                    case LookupDeleteRules.Cascade:
                        foreach (var row in referring)
                        {
                            var rowId = (Guid)row[SystemFields.Id];
                            if (visited.Contains(rowId))
                            {
                                continue;
                            }

                            errors.AddRange(await ApplyDeleteRulesAsync(records, referrer, rowId, actor, now, audit, visited, cancellationToken));
                            var version = (int)row[SystemFields.RowVersion];
                            row[SystemFields.DeletedAt] = now;
                            RowStamps.Changed(records, row, version, actor, now);
                            audit.Add(AuditEntries.Of(referrer, row, "delete", actor, now, null, null, $"{entity.Name}:{id}"));
                        }

                        break;
                    default:
                        var label = referrer.Label.For(System.Globalization.CultureInfo.CurrentUICulture.Name);
                        errors.Add(new(null, localizer["Records.Error.Referenced", referring.Count, label, lookup.Label.For(System.Globalization.CultureInfo.CurrentUICulture.Name)]));
                        break;
                }
            }
        }

        return errors;
    }
}
