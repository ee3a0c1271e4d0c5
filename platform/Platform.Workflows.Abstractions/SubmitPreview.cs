namespace Platform.Workflows;

/// <summary>
/// What submitting a record would do now, worked out by running the start and undoing it: the first
/// tasks it would open (with whom), or the refusal it would meet (no manager set, already submitted).
/// </summary>
public sealed record SubmitPreview(IReadOnlyList<WorkflowTask> FirstTasks, WorkflowException? Problem);
