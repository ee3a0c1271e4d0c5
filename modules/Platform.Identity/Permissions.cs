using Platform.Abstractions.Permissions;

namespace Platform.Identity;

/// <summary>Permission names of this module (<c>Identity.Resource.Action</c>) and their declarations.</summary>
public sealed class Permissions : IPermissionProvider
{
    public const string ManageUsers = "Identity.Users.Manage";
    public const string ManageRoles = "Identity.Roles.Manage";
    public const string ManageDepartments = "Identity.Departments.Manage";
    public const string ManageApiTokens = "Identity.ApiTokens.Manage";

    private const string Group = "Identity.Permissions.Group";

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(ManageUsers, Group, "Identity.Permissions.ManageUsers"),
        new(ManageRoles, Group, "Identity.Permissions.ManageRoles"),
        new(ManageDepartments, Group, "Identity.Permissions.ManageDepartments"),
        new(ManageApiTokens, Group, "Identity.Permissions.ManageApiTokens"),
    ];
}
