using Platform.Abstractions.Permissions;

namespace Platform.Apps;

/// <summary>Permission names of the apps module.</summary>
public sealed class Permissions : IPermissionProvider
{
    /// <summary>Install, upgrade and export app packages: they change entities, roles and workflows, so only administrators should hold it.</summary>
    public const string Manage = "Apps.Manage";

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(Manage, "Apps.Permissions.Group", "Apps.Permissions.Manage"),
    ];
}
