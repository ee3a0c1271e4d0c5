using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

/// <summary>
/// The approver's and the initiator's actions, each one step of the instance: approve, reject,
/// return, delegate, add a signer, claim, withdraw, comment — with files attached where given.
/// </summary>
public sealed partial class WorkflowEngine
{
    /// <summary>Where files attached to an instance's steps are filed (the stored file's entity key).</summary>
    public const string AttachmentKey = "workflow_instance";

    public Task ApproveAsync(Guid taskId, Actor actor, IReadOnlyDictionary<string, object?>? variables, string? comment, IReadOnlyList<Guid>? files = null,
        CancellationToken cancellationToken = default) =>
        OnTaskAsync(taskId, actor, "approved", comment, files, (runner, task) => runner.ApproveAsync(task.Id, variables), cancellationToken);

    /// <summary>Rejects with a reason (required); what follows is the task's <c>platform:onReject</c>.</summary>
    public Task RejectAsync(Guid taskId, Actor actor, string? reason, IReadOnlyDictionary<string, object?>? variables, IReadOnlyList<Guid>? files = null,
        CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new WorkflowException("Say why the request is rejected.", WorkflowException.ReasonRequired)
            : OnTaskAsync(taskId, actor, "rejected", reason, files, (runner, task) => runner.RejectAsync(task.Id, reason, variables), cancellationToken);

    /// <summary>Returns the request to an earlier user task (by element id) or to its initiator (<c>initiator</c>).</summary>
    public Task ReturnAsync(Guid taskId, Actor actor, string target, string? reason, IReadOnlyList<Guid>? files = null, CancellationToken cancellationToken = default) =>
        OnTaskAsync(taskId, actor, "returned", reason, files, (runner, task) => runner.ReturnAsync(task.Id, target, reason), cancellationToken);

    /// <summary>Hands the task to another user, who then acts on it instead.</summary>
    public Task DelegateAsync(Guid taskId, Actor actor, string toUser, string? comment, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async engine =>
        {
            await engine.ExistingUserAsync(toUser, cancellationToken);
            var task = await engine.OpenTaskAsync(taskId, actor, cancellationToken);
            task.Assignee = toUser;
            await engine.StepAsync(task.InstanceId, runner =>
            {
                runner.Delegate(taskId, toUser);
                if (!string.IsNullOrWhiteSpace(comment))
                {
                    runner.Comment(task.ElementId, comment);
                }

                return Task.CompletedTask;
            }, actor, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Adds a signer at the task's step: the request moves on once both (all) have approved.</summary>
    public Task<Guid> AddSignerAsync(Guid taskId, Actor actor, string userId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async engine =>
        {
            await engine.ExistingUserAsync(userId, cancellationToken);
            var task = await engine.OpenTaskAsync(taskId, actor, cancellationToken);
            var added = Guid.Empty;
            await engine.StepAsync(task.InstanceId, runner => { added = runner.AddSigner(taskId, userId, task.Name).Id; return Task.CompletedTask; }, actor, cancellationToken);
            return added;
        }, cancellationToken);

    /// <summary>Takes a task offered to the actor's roles or to several users: it is then assigned to the actor alone.</summary>
    public Task ClaimAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async engine =>
        {
            var task = await engine.OpenTaskAsync(taskId, actor, cancellationToken);
            if (task.Assignee is not null && task.Assignee != actor.UserId)
            {
                throw new WorkflowAccessException("The task is assigned to someone else.");
            }

            task.Assignee = actor.UserId;
            await engine.StepAsync(task.InstanceId, runner => { runner.Claim(taskId); return Task.CompletedTask; }, actor, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>The initiator (or an administrator) takes the request back: it ends as withdrawn.</summary>
    public async Task WithdrawAsync(Guid instanceId, Actor actor, string? reason, CancellationToken cancellationToken = default)
    {
        // Who started an instance never changes: read before the step.
        var initiator = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.Initiator).SingleOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowException("There is no such process instance.", WorkflowException.NoSuchInstance);
        if (initiator != actor.UserId && !actor.MayActForAnyone)
        {
            throw new WorkflowException("Only the person who started the request may withdraw it.", WorkflowException.NotInitiator);
        }

        await InStepAsync(instanceId, runner => { runner.Cancel(WorkflowStatus.Withdrawn, reason); return Task.CompletedTask; }, actor, cancellationToken);
    }

    /// <summary>A comment on the instance's timeline, with files attached where given (the caller checked the actor may see the instance).</summary>
    public Task CommentAsync(Guid instanceId, Actor actor, string text, IReadOnlyList<Guid>? files = null, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async engine =>
        {
            await engine.StepAsync(instanceId, async runner =>
            {
                runner.Comment(null, text);
                await engine.AttachAsync(runner, instanceId, null, actor, files, cancellationToken);
            }, actor, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Whether the task is an initiator's resubmission of a returned request (resubmitted or withdrawn, never approved or rejected).</summary>
    public async Task<bool> IsResubmissionAsync(WorkflowTask task, CancellationToken cancellationToken = default)
    {
        var definitionId = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == task.InstanceId).Select(i => i.DefinitionId).SingleAsync(cancellationToken);
        var model = await models.GetAsync(db, definitionId, cancellationToken);
        return model.Has(task.ElementId) && model.Node(task.ElementId).Kind == "startEvent";
    }

    /// <summary>One action on a task the actor may act on: the task row records outcome, comment and actor; files attach first.</summary>
    private Task<bool> OnTaskAsync(Guid taskId, Actor actor, string outcome, string? comment, IReadOnlyList<Guid>? files, Func<ProcessRunner, WorkflowTask, Task> action,
        CancellationToken cancellationToken) =>
        InTransactionAsync(async engine =>
        {
            var task = await engine.OpenTaskAsync(taskId, actor, cancellationToken);
            task.Outcome = outcome;
            task.Comment = comment;
            task.CompletedBy = actor.UserId;
            await engine.StepAsync(task.InstanceId, async runner =>
            {
                await engine.AttachAsync(runner, task.InstanceId, task, actor, files, cancellationToken);
                await action(runner, task);
            }, actor, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Files the actor uploaded and has not attached anywhere become the instance's, named in its history.</summary>
    private async Task AttachAsync(ProcessRunner runner, Guid instanceId, WorkflowTask? task, Actor actor, IReadOnlyList<Guid>? files, CancellationToken cancellationToken)
    {
        if (files is not { Count: > 0 })
        {
            return;
        }

        var ids = files.Distinct().ToList();
        var stored = await db.StoredFiles.Where(f => ids.Contains(f.Id) && f.RecordId == null && f.UploadedBy == actor.UserId).ToListAsync(cancellationToken);
        if (stored.Count != ids.Count)
        {
            throw new WorkflowException($"Files {string.Join(", ", ids.Except(stored.Select(f => f.Id)))} are not files you uploaded and have not attached yet.", WorkflowException.NoSuchFile);
        }

        foreach (var file in stored)
        {
            (file.EntityKey, file.RecordId, file.FieldName) = (AttachmentKey, instanceId, task?.Id.ToString());
            runner.Attached(task?.ElementId, file.Id, file.Name);
        }
    }

    private async Task ExistingUserAsync(string userId, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw new WorkflowException($"There is no user '{userId}'.", WorkflowException.NoSuchUser);
        }
    }
}
