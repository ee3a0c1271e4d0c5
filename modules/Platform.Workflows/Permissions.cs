using Platform.Abstractions.Permissions;

namespace Platform.Workflows;

/// <summary>Permission names of the workflow module. Working on one's own tasks needs only sign-in.</summary>
public sealed class Permissions : IPermissionProvider
{
    /// <summary>Deploy BPMN files as new process versions.</summary>
    public const string Deploy = WorkflowPermissionNames.Deploy;

    /// <summary>See every instance, retry incidents, cancel instances, start any process.</summary>
    public const string Administer = WorkflowPermissionNames.Administer;

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(Deploy, "Workflows.Permissions.Group", "Workflows.Permissions.Deploy"),
        new(Administer, "Workflows.Permissions.Group", "Workflows.Permissions.Administer"),
    ];
}
