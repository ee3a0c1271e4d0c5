using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;

namespace Platform.Data.Records.Saving;

/// <summary>
/// Writes the values sent into the row, each converted and checked by its field kind; refuses
/// unknown fields, system fields, auto-numbers and computed fields, and required fields left empty
/// (a required field with a default is checked once the rules have put the default in).
/// </summary>
internal sealed class ConvertValues(RecordValueConverter converter, IStringLocalizer localizer) : IRowCheck
{
    public Task CheckAsync(RowSave save, CancellationToken cancellationToken)
    {
        var (entity, row, values, errors) = (save.Entity, save.Row, save.Values, save.Errors);
        foreach (var (name, input) in values)
        {
            if (AssignableFields.All.FirstOrDefault(f => f.Name == name) is { } assignable)
            {
                // Owner and department are a user and a department field: same conversion, same existence check.
                Store(assignable, input, row, errors);
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
            }
            else if (field.Type == FieldTypes.AutoNumber.Name)
            {
                errors.Add(new(field.Name, localizer["Records.Error.AutoNumber"]));
            }
            else if (field.Type == FieldTypes.Computed.Name)
            {
                errors.Add(new(field.Name, localizer["Records.Error.Computed"]));
            }
            else if (field.Type != FieldTypes.Lines.Name)
            {
                Store(field, input, row, errors); // the lines themselves are applied after the checks, line by line
            }
        }

        foreach (var field in entity.LiveFields.Where(f => f.Required && f.Type != FieldTypes.AutoNumber.Name && f.Type != FieldTypes.Lines.Name
                     && !(save.Creating && f.Default is not null && !values.ContainsKey(f.Name)) && row.GetValueOrDefault(f.Name) is null))
        {
            if (save.Accepted(field.Name) && (save.Creating || values.ContainsKey(field.Name) || row.ContainsKey(field.Name)))
            {
                errors.Add(new(field.Name, localizer["Records.Error.Required"]));
            }
        }

        return Task.CompletedTask;
    }

    private void Store(FieldDefinition field, object? input, Dictionary<string, object> row, List<RecordFieldError> errors)
    {
        if (converter.TryConvert(field, input, out var value, out var error))
        {
            row[field.Name] = value!;
        }
        else
        {
            errors.Add(new(field.Name, error!));
        }
    }
}
