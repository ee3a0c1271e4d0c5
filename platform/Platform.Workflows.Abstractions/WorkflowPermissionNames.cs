namespace Platform.Workflows;

/// <summary>The workflow permissions by name, so the engine, the sign-in mapping and the workflow module's pages and endpoints use one symbol.</summary>
public static class WorkflowPermissionNames
{
    /// <summary>Deploy BPMN files as new process versions.</summary>
    public const string Deploy = "Workflows.Deploy";

    /// <summary>See every instance, retry incidents, cancel instances, start any process, complete anyone's task.</summary>
    public const string Administer = "Workflows.Administer";
}
