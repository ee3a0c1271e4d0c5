namespace Platform.Core.Security;

/// <summary>
/// Where a person stands in the organisation, as record scopes that follow the tree need it: the people whose manager chain
/// leads to them (<see cref="Subordinates"/>) and those people's departments, and their own department with every department
/// below it (<see cref="DepartmentTree"/>).
/// </summary>
public sealed record OrgPosition(IReadOnlySet<string> Subordinates, IReadOnlySet<string> SubordinateDepartments, IReadOnlySet<string> DepartmentTree)
{
    /// <summary>Someone with no one below them and no department.</summary>
    public static readonly OrgPosition Alone = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());
}
