using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>User and department fields must name an existing account or department.</summary>
    private async Task<List<RecordFieldError>> UnknownPeopleAsync(EntityDefinition entity, Dictionary<string, object> row, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var errors = new List<RecordFieldError>();
        foreach (var field in entity.LiveFields.Where(f => values.ContainsKey(f.Name) && row.GetValueOrDefault(f.Name) is string))
        {
            var id = (string)row[field.Name];
            if (field.Type == FieldTypes.User.Name && !await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
            {
                errors.Add(new(field.Name, localizer["Records.Error.NoSuchUser"]));
            }
            else if (field.Type == FieldTypes.Department.Name && !await db.Departments.AnyAsync(d => d.Id == id, cancellationToken))
            {
                errors.Add(new(field.Name, localizer["Records.Error.NoSuchDepartment"]));
            }
        }

        return errors;
    }
}
