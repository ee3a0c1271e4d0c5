using Platform.Core.Security;

namespace Platform.Workflows;

/// <summary>
/// Starts processes and moves them on: every call is one step in one transaction, refused with a
/// <see cref="WorkflowException"/> (what and where) or a <see cref="WorkflowAccessException"/> (the actor may not), never half done.
/// </summary>
public interface IWorkflowEngine
{
    /// <summary>The target of <see cref="ReturnAsync"/> that returns a request to whoever started it.</summary>
    const string ReturnToInitiator = "initiator";

    /// <summary>Starts the latest version of a process, optionally bound to a record.</summary>
    Task<WorkflowInstance> StartAsync(string processKey, IReadOnlyDictionary<string, object?>? variables, Actor actor,
        string? entity = null, Guid? recordId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts, at its message start event, the latest version of every process that starts on
    /// <paramref name="message"/>, all in one transaction (all start or none). Refused when no deployed process starts on it.
    /// </summary>
    Task<IReadOnlyList<WorkflowInstance>> StartByMessageAsync(string message, IReadOnlyDictionary<string, object?>? variables, Actor actor,
        string? entity = null, Guid? recordId = null, CancellationToken cancellationToken = default);

    /// <summary>Completes a task the actor may act on, with the variables given (an approval's outcome, a form's values).</summary>
    Task CompleteTaskAsync(Guid taskId, Actor actor, IReadOnlyDictionary<string, object?>? variables, string outcome = "completed", string? comment = null,
        CancellationToken cancellationToken = default);

    /// <summary>Delivers a message to an instance; false when nothing in it waited for that message.</summary>
    Task<bool> DeliverMessageAsync(Guid instanceId, string message, IReadOnlyDictionary<string, object?>? variables, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>Runs the failed nodes of an instance in incident again; false when nothing was in incident.</summary>
    Task<bool> RetryAsync(Guid instanceId, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>Ends an instance now with <paramref name="status"/> (cancelled, withdrawn, rejected): open tasks, timers and called processes are cancelled.</summary>
    Task CancelAsync(Guid instanceId, string status, string? reason, Actor actor, CancellationToken cancellationToken = default);

    Task ApproveAsync(Guid taskId, Actor actor, IReadOnlyDictionary<string, object?>? variables, string? comment, IReadOnlyList<Guid>? files = null,
        CancellationToken cancellationToken = default);

    /// <summary>Rejects with a reason (required); what follows is the task's <c>platform:onReject</c>.</summary>
    Task RejectAsync(Guid taskId, Actor actor, string? reason, IReadOnlyDictionary<string, object?>? variables, IReadOnlyList<Guid>? files = null,
        CancellationToken cancellationToken = default);

    /// <summary>Returns the request to an earlier user task (by element id) or to its initiator (<c>initiator</c>).</summary>
    Task ReturnAsync(Guid taskId, Actor actor, string target, string? reason, IReadOnlyList<Guid>? files = null, CancellationToken cancellationToken = default);

    /// <summary>Hands the task to another user, who then acts on it instead.</summary>
    Task DelegateAsync(Guid taskId, Actor actor, string toUser, string? comment, CancellationToken cancellationToken = default);

    /// <summary>Adds a signer at the task's step: the request moves on once both (all) have approved.</summary>
    Task<Guid> AddSignerAsync(Guid taskId, Actor actor, string userId, CancellationToken cancellationToken = default);

    /// <summary>Takes a task offered to the actor's roles or to several users: it is then assigned to the actor alone.</summary>
    Task ClaimAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>The initiator (or an administrator) takes the request back: it ends as withdrawn.</summary>
    Task WithdrawAsync(Guid instanceId, Actor actor, string? reason, CancellationToken cancellationToken = default);

    /// <summary>A comment on the instance's timeline, with files attached where given (the caller checked the actor may see the instance).</summary>
    Task CommentAsync(Guid instanceId, Actor actor, string text, IReadOnlyList<Guid>? files = null, CancellationToken cancellationToken = default);

    /// <summary>Whether the task is an initiator's resubmission of a returned request (resubmitted or withdrawn, never approved or rejected).</summary>
    Task<bool> IsResubmissionAsync(WorkflowTask task, CancellationToken cancellationToken = default);

    /// <summary>
    /// Submits a record for approval to a process bound to its entity (<c>platform:entity</c>). Refused when the
    /// process is not one of its entity's, when the record is already in a running request, and when the start
    /// itself fails (nobody fits the first task): then nothing is kept and the message says why.
    /// </summary>
    Task<WorkflowInstance> SubmitAsync(string processKey, string entity, Guid recordId, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>The approvals of <paramref name="approvals"/> the record may be submitted to as it stands (their <c>platform:submitWhen</c> holds for it).</summary>
    Task<List<ApprovalProcess>> SubmittableNowAsync(IReadOnlyList<ApprovalProcess> approvals, IReadOnlyDictionary<string, object?> record, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>What <see cref="SubmitAsync"/> would do now, with nothing kept: the first tasks and their people, or the problem.</summary>
    Task<SubmitPreview> PreviewSubmitAsync(string processKey, string entity, Guid recordId, Actor actor, CancellationToken cancellationToken = default);
}
