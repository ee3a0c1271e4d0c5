namespace Platform.Records.People;

/// <summary>A person or department as pickers show it: its id, its name and a detail (a sign-in name, a department code).</summary>
public sealed record DirectoryEntry(string Id, string Name, string? Detail);

/// <summary>Names of people and departments for user and department fields, and searching them for pickers.</summary>
public interface IPeopleDirectory
{
    Task<Dictionary<string, string>> UserNamesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<Dictionary<string, string>> DepartmentNamesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<(IReadOnlyList<DirectoryEntry> Page, int Total)> FindUsersAsync(string term, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Every role's name, alphabetically.</summary>
    Task<IReadOnlyList<string>> RoleNamesAsync(CancellationToken cancellationToken);

    Task<(IReadOnlyList<DirectoryEntry> Page, int Total)> FindDepartmentsAsync(string term, int skip, int take, CancellationToken cancellationToken);
}
