namespace Platform.Workflows;

/// <summary>The actor may not act on the task (answered 403).</summary>
public sealed class WorkflowAccessException(string message) : Exception(message);
