using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>The unique fields whose value another record already holds (asked after the database refused a save).</summary>
    private async Task<List<RecordFieldError>> DuplicatesAsync(RecordsDbContext records, EntityDefinition entity, Dictionary<string, object> row, CancellationToken cancellationToken)
    {
        var errors = new List<RecordFieldError>();
        var id = (Guid)row[SystemFields.Id];
        foreach (var field in entity.LiveFields.Where(f => f.Unique && row.GetValueOrDefault(f.Name) is not null))
        {
            var value = row[field.Name];
            var taken = await records.Set<Dictionary<string, object>>(entity.Name)
                .AnyAsync(r => EF.Property<Guid>(r, SystemFields.Id) != id && EF.Property<object>(r, field.Name) == value, cancellationToken);
            if (taken)
            {
                errors.Add(new(field.Name, localizer["Records.Error.Duplicate", value]));
            }
        }

        foreach (var key in entity.UniqueKeys ?? [])
        {
            if (key.Fields.Any(name => row.GetValueOrDefault(entity.Field(name)!.Name) is null))
            {
                continue;
            }

            var query = records.Set<Dictionary<string, object>>(entity.Name).Where(r => EF.Property<Guid>(r, SystemFields.Id) != id);
            foreach (var name in key.Fields.Select(n => entity.Field(n)!.Name))
            {
                var value = row[name];
                query = query.Where(r => EF.Property<object>(r, name) == value);
            }

            if (await query.AnyAsync(cancellationToken))
            {
                var values = string.Join(" + ", key.Fields.Select(n => RecordRows.Invariant(row[entity.Field(n)!.Name])));
                errors.Add(new(null, localizer["Records.Error.DuplicateKey", values, string.Join(", ", key.Fields)]));
            }
        }

        return errors;
    }
}
