using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>Writes <paramref name="values"/> into <paramref name="row"/>, collecting every refused value.</summary>
    private List<RecordFieldError> Apply(EntityDefinition entity, Dictionary<string, object> row, IReadOnlyDictionary<string, object?> values, bool creating)
    {
        var errors = new List<RecordFieldError>();
        foreach (var (name, input) in values)
        {
            if (AssignableSystemFields.FirstOrDefault(f => f.Name == name) is { } assignable)
            {
                // Owner and department are a user and a department field: same conversion, same existence check.
                if (converter.TryConvert(assignable, input, out var id, out var problem))
                {
                    row[name] = id!;
                }
                else
                {
                    errors.Add(new(name, problem!));
                }

                continue;
            }

            if (SystemFields.Reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new(name, localizer["Records.Error.SystemField", name]));
                continue;
            }

            var field = entity.LiveField(name);
            if (field is null)
            {
                errors.Add(new(name, localizer["Records.Error.UnknownField", name, entity.Name]));
                continue;
            }

            if (field.Type == FieldTypes.Lines.Name)
            {
                continue; // the lines themselves are applied by ApplyLinesAsync
            }

            if (field.Type == FieldTypes.AutoNumber.Name)
            {
                errors.Add(new(field.Name, localizer["Records.Error.AutoNumber"]));
                continue;
            }

            if (field.Type == FieldTypes.Computed.Name)
            {
                errors.Add(new(field.Name, localizer["Records.Error.Computed"]));
                continue;
            }

            if (converter.TryConvert(field, input, out var value, out var error))
            {
                row[field.Name] = value!;
            }
            else
            {
                errors.Add(new(field.Name, error!));
            }
        }

        // A required field with a default is checked once the defaults are in (RunRules).
        foreach (var field in entity.LiveFields.Where(f => f.Required && f.Type != FieldTypes.AutoNumber.Name && f.Type != FieldTypes.Lines.Name
                     && !(creating && f.Default is not null && !values.ContainsKey(f.Name)) && row.GetValueOrDefault(f.Name) is null))
        {
            if (errors.All(e => e.Field != field.Name) && (creating || values.ContainsKey(field.Name) || row.ContainsKey(field.Name)))
            {
                errors.Add(new(field.Name, localizer["Records.Error.Required"]));
            }
        }

        return errors;
    }

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
                var values = string.Join(" + ", key.Fields.Select(n => Invariant(row[entity.Field(n)!.Name])));
                errors.Add(new(null, localizer["Records.Error.DuplicateKey", values, string.Join(", ", key.Fields)]));
            }
        }

        return errors;
    }
}
