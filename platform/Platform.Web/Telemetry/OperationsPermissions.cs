using Platform.Abstractions.Permissions;

namespace Platform.Web.Telemetry;

/// <summary>Permissions of running the platform.</summary>
public sealed class OperationsPermissions : IPermissionProvider
{
    /// <summary>Read the hosts' metrics at <c>/metrics</c> (give it to the account a Prometheus scrapes with, through an API token).</summary>
    public const string Metrics = "Operations.Metrics";

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(Metrics, "Operations.Permissions.Group", "Operations.Permissions.Metrics"),
    ];
}
