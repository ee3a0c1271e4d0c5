using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>The system fields a caller may set (hand a record to another owner or department), typed as the fields they are.</summary>
    private static readonly FieldDefinition[] AssignableSystemFields =
    [
        new() { Name = SystemFields.Owner, Type = FieldTypes.User.Name },
        new() { Name = SystemFields.Department, Type = FieldTypes.Department.Name },
    ];

    /// <summary>User and department fields (the owner and department included) must name an existing account or department.</summary>
    /// <param name="refused">Values already refused; their fields are not looked up again.</param>
    private async Task<List<RecordFieldError>> UnknownPeopleAsync(EntityDefinition entity, Dictionary<string, object> row, IReadOnlyDictionary<string, object?> values, IReadOnlyList<RecordFieldError> refused, CancellationToken cancellationToken)
    {
        var errors = new List<RecordFieldError>();
        foreach (var field in entity.LiveFields.Concat(AssignableSystemFields)
                     .Where(f => values.ContainsKey(f.Name) && row.GetValueOrDefault(f.Name) is string && refused.All(e => e.Field != f.Name)))
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
