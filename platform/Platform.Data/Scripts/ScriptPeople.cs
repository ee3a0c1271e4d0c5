using Microsoft.EntityFrameworkCore;
using Platform.Rules;

namespace Platform.Data.Scripts;

/// <summary>
/// The people a script may hand work to (<c>people({ role, department, subDepartments })</c>): those who may sign in at
/// <paramref name="now"/>, holding the role and in the department (or below it) asked for, sorted by name then id. Only what
/// a lookup picker shows of a person leaves: id, name, department.
/// </summary>
internal static class ScriptPeople
{
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> Find(PlatformDbContext db, PeopleQuery query, DateTimeOffset now)
    {
        var users = db.Users.AsNoTracking();
        if (query.Role is { } role)
        {
            var roleId = db.Roles.AsNoTracking().Where(r => r.Name == role).Select(r => r.Id).FirstOrDefault()
                ?? throw new ScriptFailureException(ScriptFailureKind.Error, $"people(): there is no role named '{role}'.");
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        if (query.Department is { } department)
        {
            var within = Departments(db, department, query.SubDepartments);
            users = users.Where(u => u.DepartmentId != null && within.Contains(u.DepartmentId));
        }

        return users.Select(u => new { u.Id, u.DisplayName, u.UserName, u.DepartmentId, u.LockoutEnd }).ToList()
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .Select(u => (u.Id, Name: string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName, u.DepartmentId))
            .OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Id, StringComparer.Ordinal)
            .Select(u => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["id"] = u.Id, ["name"] = u.Name, ["department"] = u.DepartmentId })
            .ToList();
    }

    /// <summary>The department named by id, code or name, with every department below it when asked.</summary>
    private static List<string> Departments(PlatformDbContext db, string named, bool below)
    {
        var all = db.Departments.AsNoTracking().Select(d => new { d.Id, d.Code, d.Name, d.ParentId }).ToList();
        var top = all.FirstOrDefault(d => d.Id == named) ?? all.FirstOrDefault(d => d.Code == named) ?? all.FirstOrDefault(d => d.Name == named)
            ?? throw new ScriptFailureException(ScriptFailureKind.Error, $"people(): there is no department '{named}'.");
        var within = new List<string> { top.Id };
        for (var i = 0; below && i < within.Count; i++)
        {
            within.AddRange(all.Where(d => d.ParentId == within[i] && !within.Contains(d.Id)).Select(d => d.Id));
        }

        return within;
    }
}
