using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Identity;

/// <summary>One person or department as a picker offers it: id, name, and a detail that tells two of one name apart.</summary>


/// <summary>People and departments by id and by name, for pickers and for showing who a user or department field names.</summary>
public sealed class PeopleDirectory(PlatformDbContext db) : IPeopleDirectory
{
    public Task<Dictionary<string, string>> UserNamesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName == "" ? u.UserName ?? u.Id : u.DisplayName, cancellationToken);

    public Task<Dictionary<string, string>> DepartmentNamesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        db.Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);

    /// <summary>Every role's name, alphabetically (for pickers: approvers by role, copies to a role).</summary>
    public async Task<IReadOnlyList<string>> RoleNamesAsync(CancellationToken cancellationToken) =>
        await db.Roles.AsNoTracking().Select(r => r.Name!).Where(n => n != null).OrderBy(n => n).ToListAsync(cancellationToken);

    /// <summary>A page of users whose display or user name contains <paramref name="term"/> (all when blank), by name, and how many match.</summary>
    public async Task<(IReadOnlyList<DirectoryEntry> Page, int Total)> FindUsersAsync(string term, int skip, int take, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking().Where(u => term == "" || u.DisplayName.Contains(term) || u.UserName!.Contains(term));
        var page = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.UserName).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return ([.. page.Select(u => new DirectoryEntry(u.Id, u.DisplayName == "" ? u.UserName ?? u.Id : u.DisplayName, u.UserName))], await users.CountAsync(cancellationToken));
    }

    /// <summary>A page of departments whose name or code contains <paramref name="term"/>, in tree order, and how many match.</summary>
    public async Task<(IReadOnlyList<DirectoryEntry> Page, int Total)> FindDepartmentsAsync(string term, int skip, int take, CancellationToken cancellationToken)
    {
        var departments = db.Departments.AsNoTracking().Where(d => term == "" || d.Name.Contains(term) || (d.Code != null && d.Code.Contains(term)));
        var found = await departments.OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return ([.. found.Select(d => new DirectoryEntry(d.Id, d.Name, d.Code))], await departments.CountAsync(cancellationToken));
    }
}
