using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

/// <summary>
/// Runs process instances stored in the database. Every command is one step: lock the instance,
/// load its state, move its tokens, then write state, tasks, timers, history and the record changes
/// the step caused in one transaction. Called processes start (and finished ones resume their
/// caller) inside the same transaction.
/// </summary>
public sealed partial class WorkflowEngine(
    PlatformDbContext db, RecordStore records, ProcessModels models, WorkflowScripts scripts, InstanceLocks locks, GroupedCommits commits, TimeProvider clock,
    ILogger<WorkflowEngine> logger, Platform.Records.Notifications.INotificationCentre notices, Microsoft.Extensions.Localization.IStringLocalizer localizer, RoleHolders roleHolders,
    Platform.Records.Stock.IStockLedger? stock = null)
    : IWorkflowEngine
{
    /// <summary>Starts the latest version of a process, optionally bound to a record.</summary>
    public async Task<WorkflowInstance> StartAsync(string processKey, IReadOnlyDictionary<string, object?>? variables, Actor actor,
        string? entity = null, Guid? recordId = null, CancellationToken cancellationToken = default)
    {
        var definition = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.ProcessKey == processKey)
            .OrderByDescending(d => d.Version).Select(d => new { d.Id, d.Version }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowException($"There is no deployed process '{processKey}'.", WorkflowException.NoSuchProcess);
        if (entity is not null && recordId is { } id && (await models.GetAsync(db, definition.Id, cancellationToken)).Binding.Entity is not null)
        {
            // An approval started through the API is a submission: the same checks as from the form (one request at a time, platform:submitWhen).
            await SubmittableAsync(processKey, entity, id, actor, cancellationToken);
        }

        return await StartAtAsync(definition.Id, null, variables, actor, entity, recordId, cancellationToken);
    }

    /// <summary>Starts a given version at a given start event (a record trigger's, a timer's; the none start event when null).</summary>
    public async Task<WorkflowInstance> StartAtAsync(long definitionId, string? startNodeId, IReadOnlyDictionary<string, object?>? variables, Actor actor,
        string? entity = null, Guid? recordId = null, CancellationToken cancellationToken = default)
    {
        var definition = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == definitionId).Select(d => new { d.Id, d.ProcessKey, d.Version })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new WorkflowException($"There is no deployed process version {definitionId}.", WorkflowException.NoSuchProcess);
        return await InTransactionAsync(engine => engine.StartStepAsync(definition.Id, definition.ProcessKey, definition.Version, startNodeId, variables, actor, entity, recordId, cancellationToken),
            cancellationToken);
    }

    private async Task<WorkflowInstance> StartStepAsync(long definitionId, string processKey, int version, string? startNodeId, IReadOnlyDictionary<string, object?>? variables,
        Actor actor, string? entity, Guid? recordId, CancellationToken cancellationToken)
    {
        var instance = NewInstance(Guid.CreateVersion7(clock.GetUtcNow()), definitionId, processKey, version, actor, entity?.ToLowerInvariant(), recordId, null);
        await StepAsync(instance, isNew: true, runner => runner.StartAsync(variables, startNodeId), actor, cancellationToken);
        return instance;
    }

    /// <summary>
    /// Starts, at its message start event, the latest version of every process that starts on
    /// <paramref name="message"/>, all in one transaction (all start or none). Refused when no deployed process starts on it.
    /// </summary>
    public async Task<IReadOnlyList<WorkflowInstance>> StartByMessageAsync(string message, IReadOnlyDictionary<string, object?>? variables, Actor actor,
        string? entity = null, Guid? recordId = null, CancellationToken cancellationToken = default)
    {
        var latest = await db.WorkflowDefinitions.AsNoTracking().GroupBy(d => d.ProcessKey).Select(g => g.Max(d => d.Id)).ToListAsync(cancellationToken);
        var starts = new List<(long Definition, string Node)>();
        foreach (var id in latest.Order())
        {
            var model = await models.GetAsync(db, id, cancellationToken);
            if (model.MessageStarts.FirstOrDefault(n => n.Message?.Name == message) is { } start)
            {
                starts.Add((id, start.Id));
            }
        }

        if (starts.Count == 0)
        {
            throw new WorkflowException($"No deployed process starts on the message '{message}'.", WorkflowException.NoMessageStart);
        }

        return await InTransactionAsync(async engine =>
        {
            var started = new List<WorkflowInstance>();
            foreach (var (definition, node) in starts)
            {
                started.Add(await engine.StartAtAsync(definition, node, variables, actor, entity, recordId, cancellationToken));
            }

            return (IReadOnlyList<WorkflowInstance>)started;
        }, cancellationToken);
    }

    /// <summary>Completes a task the actor may act on, with the variables given (an approval's outcome, a form's values).</summary>
    public Task CompleteTaskAsync(Guid taskId, Actor actor, IReadOnlyDictionary<string, object?>? variables, string outcome = "completed", string? comment = null,
        CancellationToken cancellationToken = default) =>
        OnTaskAsync(taskId, actor, outcome, comment, null, (runner, task) => runner.CompleteTaskAsync(task.Id, variables, outcome), cancellationToken);

    /// <summary>Fires a timer that fell due (the dispatcher calls it); nothing happens when the step that set it already cleared it.</summary>
    public Task FireTimerAsync(Guid instanceId, string timerId, CancellationToken cancellationToken = default) =>
        InStepAsync(instanceId, runner => runner.FireTimerAsync(timerId), Actor.Platform, cancellationToken);

    /// <summary>Delivers a message to an instance; false when nothing in it waited for that message.</summary>
    public Task<bool> DeliverMessageAsync(Guid instanceId, string message, IReadOnlyDictionary<string, object?>? variables, Actor actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async engine =>
        {
            var delivered = false;
            await engine.StepAsync(instanceId, async runner => delivered = await runner.DeliverMessageAsync(message, variables), actor, cancellationToken);
            return delivered;
        }, cancellationToken);

    /// <summary>Runs the failed nodes of an instance in incident again; false when nothing was in incident.</summary>
    public Task<bool> RetryAsync(Guid instanceId, Actor actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(async engine =>
        {
            var retried = false;
            await engine.StepAsync(instanceId, async runner => retried = await runner.RetryAsync(), actor, cancellationToken);
            return retried;
        }, cancellationToken);

    /// <summary>Ends an instance now with <paramref name="status"/> (cancelled, withdrawn, rejected): open tasks, timers and called processes are cancelled.</summary>
    public Task CancelAsync(Guid instanceId, string status, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        InStepAsync(instanceId, runner => { runner.Cancel(status, reason); return Task.CompletedTask; }, actor, cancellationToken, status);

    private WorkflowInstance NewInstance(Guid id, long definitionId, string key, int version, Actor actor, string? entity, Guid? recordId, Guid? parent) => new()
    {
        Id = id, DefinitionId = definitionId, ProcessKey = key, Version = version, Entity = entity, RecordId = recordId,
        Initiator = actor.UserId, StartedAt = clock.GetUtcNow(), ParentId = parent, Status = WorkflowStatus.Running,
    };

    private async Task<WorkflowTask> OpenTaskAsync(Guid taskId, Actor actor, CancellationToken cancellationToken)
    {
        var task = await StepQueries.For(db).TaskAsync(db, taskId, cancellationToken);
        if (task is null || !task.IsOpen)
        {
            throw task is null
                ? new WorkflowException("There is no such task.", WorkflowException.NoSuchTask)
                : new WorkflowException("The task is no longer open (someone else completed it, or the process moved on).", WorkflowException.TaskNotOpen);
        }

        if (!MayAct(task, actor))
        {
            throw new WorkflowAccessException("The task is neither assigned to you nor offered to you or your roles.");
        }

        return task;
    }

    /// <summary>The assignee acts on an assigned task; an unassigned one is open to its candidate users and roles (and to anyone when it has none).</summary>
    public static bool MayAct(WorkflowTask task, Actor actor) => actor.MayActForAnyone || task.IsOfferedTo(actor);

    /// <summary>One step of an instance as a command of its own (see <see cref="InTransactionAsync{T}"/>).</summary>
    private Task<bool> InStepAsync(Guid instanceId, Func<ProcessRunner, Task> command, Actor actor, CancellationToken cancellationToken, string? endStatus = null) =>
        InTransactionAsync(async engine =>
        {
            await engine.StepAsync(instanceId, command, actor, cancellationToken, endStatus);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in the ambient transaction; else, on SQLite, in a group of steps sharing
    /// one commit (<see cref="GroupedCommits"/>); else in a new transaction it commits. Either way it is
    /// all or nothing. <paramref name="work"/> must use the engine it is given: in a group, that engine's
    /// database context holds the transaction, this one's does not.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Func<WorkflowEngine, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(this);
        }

        if (GroupedCommits.AppliesTo(db))
        {
            return await commits.RunAsync(work, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(this);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
    }
}
