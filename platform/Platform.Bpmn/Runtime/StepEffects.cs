namespace Platform.Bpmn.Runtime;

/// <summary>
/// What one step of an instance did besides changing its state — the engine writes all of it in the
/// step's transaction: tasks opened and closed, timers set and cleared, processes to call, history.
/// </summary>
public sealed class StepEffects
{
    public List<OpenedTask> OpenedTasks { get; } = [];

    public List<(Guid Task, string Outcome)> ClosedTasks { get; } = [];

    public List<PendingTimer> TimersSet { get; } = [];

    public List<string> TimersCleared { get; } = [];

    public List<ProcessCall> Calls { get; } = [];

    /// <summary>Called instances to cancel because the activity calling them was interrupted.</summary>
    public List<Guid> CallsCancelled { get; } = [];

    public List<HistoryStep> History { get; } = [];

    /// <summary>Notifications the step's own actions send (a copy to people); tasks and endings are told by the engine.</summary>
    public List<StepNotice> Notices { get; } = [];
}

/// <summary>People a notify action tells, at which element, with which message (null: the element's own words).</summary>
public sealed record StepNotice(IReadOnlyList<string> Recipients, string ElementId, string? Message)
{
    /// <summary>Words of their own in each language (a reminder of one record), said instead of the copy notice; with <see cref="Link"/>.</summary>
    public Platform.Core.Metadata.LocalizedText? Text { get; init; }

    /// <summary>Where the notice leads (the record it is about); the instance's record when null.</summary>
    public string? Link { get; init; }
}

/// <summary>A user task to create: who may act on it, when it is due, and which loop item it belongs to.</summary>
public sealed record OpenedTask(
    Guid Id, string TokenId, string ElementId, string Name, string? Assignee, IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateRoles, DateTimeOffset? DueAt);

/// <summary>A call activity starting another process; the caller's token waits for it.</summary>
public sealed record ProcessCall(string TokenId, string ElementId, string ProcessKey, Dictionary<string, object?> Variables);

/// <summary>One line of an instance's history: what happened where, by whom.</summary>
public sealed record HistoryStep(DateTimeOffset At, string? ElementId, string Event, string? Actor, string? Detail);
