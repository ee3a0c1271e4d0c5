using System.Text.Json.Serialization;

namespace Platform.Workflows.Approvals;

/// <summary>
/// Who an approver or copy step is for: named people, a role, the submitter's manager (N levels up), the
/// manager of the record's department, the holders of a role in the submitter's department, or the submitter.
/// </summary>
public sealed class PeopleChoice
{
    public PeopleKind Kind { get; set; } = PeopleKind.Manager;

    /// <summary>For <see cref="PeopleKind.People"/>: user names.</summary>
    public List<string> People { get; set; } = [];

    /// <summary>For <see cref="PeopleKind.Role"/> and <see cref="PeopleKind.RoleInDepartment"/>.</summary>
    public string? Role { get; set; }

    /// <summary>For <see cref="PeopleKind.Manager"/>: 1 the direct manager, 2 theirs, …</summary>
    public int Level { get; set; } = 1;
}

[JsonConverter(typeof(JsonStringEnumConverter<PeopleKind>))]
public enum PeopleKind
{
    People,
    Role,
    Manager,
    DepartmentManager,
    RoleInDepartment,
    Submitter,
}
