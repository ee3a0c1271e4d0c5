using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;

namespace Platform.Data.Records.Saving;

/// <summary>User and department fields (the owner and department included) must name an existing account or department; values already refused are not looked up again.</summary>
internal sealed class CheckPeople(PlatformDbContext db, IStringLocalizer localizer) : IRowCheck
{
    public async Task CheckAsync(RowSave save, CancellationToken cancellationToken)
    {
        var sent = save.Entity.LiveFields.Concat(AssignableFields.All)
            .Where(f => save.Values.ContainsKey(f.Name) && save.Row.GetValueOrDefault(f.Name) is string && save.Accepted(f.Name))
            .ToList();
        foreach (var field in sent)
        {
            var id = (string)save.Row[field.Name];
            if (field.Type == FieldTypes.User.Name && !await db.Users.AnyAsync(u => u.Id == id, cancellationToken))
            {
                save.Errors.Add(new(field.Name, localizer["Records.Error.NoSuchUser"]));
            }
            else if (field.Type == FieldTypes.Department.Name && !await db.Departments.AnyAsync(d => d.Id == id, cancellationToken))
            {
                save.Errors.Add(new(field.Name, localizer["Records.Error.NoSuchDepartment"]));
            }
        }
    }
}
