using Platform.Abstractions.Permissions;

namespace Platform.Reports;

/// <summary>Permission names of the reports module. Running reports and saving one's own needs only the right to read the entity.</summary>
public sealed class Permissions : IPermissionProvider
{
    /// <summary>Save, change and delete reports and dashboards everyone sees.</summary>
    public const string Share = "Reports.Share";

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(Share, "Reports.Permissions.Group", "Reports.Permissions.Share"),
    ];
}
