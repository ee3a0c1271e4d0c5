using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;
using Platform.Data.Scripts;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

public sealed partial class WorkflowEngine
{
    private async Task StepAsync(Guid instanceId, Func<ProcessRunner, Task> command, Actor actor, CancellationToken cancellationToken, string? endStatus = null)
    {
        using var held = await locks.EnterAsync(instanceId, cancellationToken);
        await LockAcrossHostsAsync(instanceId, cancellationToken);
        var instance = await WorkflowRows.InstanceAsync(db, instanceId, cancellationToken)
            ?? throw new WorkflowException("There is no such process instance.", WorkflowException.NoSuchInstance);
        if (instance.EndedAt is not null)
        {
            throw new WorkflowException($"The process has already ended ({instance.Status}).", WorkflowException.InstanceEnded);
        }

        await StepAsync(instance, isNew: false, command, actor, cancellationToken, endStatus);
    }

    private async Task StepAsync(WorkflowInstance instance, bool isNew, Func<ProcessRunner, Task> command, Actor actor, CancellationToken cancellationToken, string? endStatus = null)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A workflow step runs inside the transaction of its command; this engine's context has none (a grouped command used the wrong engine).");
        }

        var model = await models.GetAsync(db, instance.DefinitionId, cancellationToken);
        var state = isNew ? new InstanceState() : InstanceStateJson.Read(instance.State);
        var services = new EngineStepServices(db, records, instance, logger, stock);
        var now = clock.GetUtcNow();
        var runner = new ProcessRunner(model, state, scripts, services, new StepContext(now, actor.UserId, await ScriptUsers.OfAsync(db, actor, cancellationToken), instance.Initiator) { InstanceId = instance.Id });
        await command(runner);
        var effects = runner.Effects;

        var opened = effects.OpenedTasks.Select(task => new WorkflowTask
        {
            Id = task.Id, InstanceId = instance.Id, ElementId = task.ElementId, Name = task.Name, Assignee = task.Assignee,
            CandidateUsers = WorkflowTask.Delimited(task.CandidateUsers), CandidateRoles = WorkflowTask.Delimited(task.CandidateRoles),
            CreatedAt = now, DueAt = task.DueAt, ProcessKey = instance.ProcessKey, Entity = instance.Entity, RecordId = instance.RecordId,
        }).ToList();
        foreach (var task in opened.Where(t => t.Assignee is { } a && !TaskPeople.IsAccountId(a) || t.CandidateUsers.Length > 0))
        {
            task.Assignee = task.Assignee is { } named ? (await TaskPeople.ToAccountIdsAsync(db, [named], cancellationToken))[0] : null;
            task.CandidateUsers = WorkflowTask.Delimited(await TaskPeople.ToAccountIdsAsync(db, task.CandidateUsers.Split('|', StringSplitOptions.RemoveEmptyEntries), cancellationToken));
        }

        await CloseTasksAsync(effects, now, cancellationToken);
        // Timers set and cleared within one step never reach the table.
        var cleared = effects.TimersCleared.ToHashSet(StringComparer.Ordinal);
        var timers = effects.TimersSet.Where(t => !cleared.Contains(t.Id))
            .Select(timer => new WorkflowTimer { InstanceId = instance.Id, TimerId = timer.Id, DueAt = timer.DueAt.ToUnixTimeMilliseconds() }).ToList();
        cleared.ExceptWith(effects.TimersSet.Select(t => t.Id));
        if (cleared.Count > 0 && !isNew)
        {
            foreach (var timer in cleared)
            {
                await WorkflowRows.DeleteTimerAsync(db, instance.Id, timer, cancellationToken);
            }
        }

        var history = effects.History.Select(h => new WorkflowHistoryEntry
        {
            InstanceId = instance.Id, At = h.At, ElementId = h.ElementId, Event = h.Event, Actor = h.Actor, Detail = Clip(h.Detail),
        }).ToList();

        var previousVersion = instance.RowVersion;
        var previousStatus = instance.Status;
        instance.Error = Clip(state.Tokens.FirstOrDefault(t => t.State == TokenState.Incident)?.Error);
        instance.Status = runner.Ended ? runner.EndStatus ?? endStatus ?? WorkflowStatus.Completed : instance.Error is not null ? WorkflowStatus.Incident : WorkflowStatus.Running;
        instance.EndedAt = runner.Ended ? now : null;
        instance.LocksRecord = model.Binding.LockRecord && instance.RecordId is not null && !runner.Ended && !runner.ReturnedToInitiator;
        await services.ShowStatusAsync(model.Binding, state, runner.Ended ? instance.Status : runner.ReturnedToInitiator ? WorkflowStatus.Returned : WorkflowStatus.Running);
        instance.State = InstanceStateJson.Write(state);
        instance.RowVersion = previousVersion + 1;
        if (isNew)
        {
            await WorkflowRows.InsertAsync(db, [instance], cancellationToken);
        }
        else if (!await WorkflowRows.UpdateInstanceAsync(db, instance, previousVersion, cancellationToken))
        {
            throw new WorkflowException("Another step of this process instance was saved first; nothing was changed. Try again.", WorkflowException.SavedFirst);
        }

        // Tasks first (a history line or timer never points at a task that is not there), then what the step read and changed.
        await WorkflowRows.InsertAsync(db, opened, cancellationToken);
        foreach (var task in db.ChangeTracker.Entries<WorkflowTask>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity).ToList())
        {
            await WorkflowRows.UpdateTaskAsync(db, task, cancellationToken);
            db.Entry(task).State = EntityState.Unchanged;
        }

        await WorkflowRows.InsertAsync(db, timers, cancellationToken);
        await WorkflowRows.InsertAsync(db, history, cancellationToken);
        foreach (var step in history)
        {
            Platform.Abstractions.Telemetry.PlatformTelemetry.WorkflowSteps.Add(1, new KeyValuePair<string, object?>("event", step.Event));
        }

        await NotifyAsync(instance, model, runner, opened, previousStatus, cancellationToken);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();

        foreach (var call in effects.Calls)
        {
            await StartCalledAsync(instance, state, call, actor, cancellationToken);
        }

        foreach (var called in effects.CallsCancelled)
        {
            await StepAsync(called, r => { r.Cancel(WorkflowStatus.Cancelled, "The calling activity was interrupted."); return Task.CompletedTask; }, actor, cancellationToken, WorkflowStatus.Cancelled);
        }

        if (runner.Ended && instance.ParentId is { } parent && await IsRunningAsync(parent, cancellationToken))
        {
            // A called process that completed hands its variables back; one rejected or withdrawn ends its caller the same way.
            await StepAsync(parent, r => instance.Status == WorkflowStatus.Completed
                ? r.ResumeCallAsync(instance.Id, state.Variables)
                : r.CalledEndedAsync(instance.Id, instance.Status), actor, cancellationToken);
        }
    }

    private Task<bool> IsRunningAsync(Guid instanceId, CancellationToken cancellationToken) =>
        db.WorkflowInstances.AnyAsync(i => i.Id == instanceId && i.EndedAt == null, cancellationToken);

    private async Task StartCalledAsync(WorkflowInstance caller, InstanceState state, ProcessCall call, Actor actor, CancellationToken cancellationToken)
    {
        var token = state.Tokens.Single(t => t.Id == call.TokenId);
        var definition = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.ProcessKey == call.ProcessKey)
            .OrderByDescending(d => d.Version).Select(d => new { d.Id, d.Version }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowException($"{call.ElementId}: there is no deployed process '{call.ProcessKey}' to call.");
        var child = NewInstance(token.CalledInstance!.Value, definition.Id, call.ProcessKey, definition.Version, actor, caller.Entity, caller.RecordId, caller.Id);
        child.Initiator = caller.Initiator;
        using var held = await locks.EnterAsync(child.Id, cancellationToken);
        await StepAsync(child, isNew: true, r => r.StartAsync(call.Variables), actor, cancellationToken);
    }

    private async Task CloseTasksAsync(StepEffects effects, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (effects.ClosedTasks.Count == 0)
        {
            return;
        }

        // The completed task is usually tracked already (the completion read it): only the others are read.
        var ids = effects.ClosedTasks.Select(c => c.Task).ToHashSet();
        var rows = db.WorkflowTasks.Local.Where(t => ids.Contains(t.Id)).ToList();
        var missing = ids.Except(rows.Select(r => r.Id)).ToList();
        if (missing.Count > 0)
        {
            rows.AddRange(await db.WorkflowTasks.Where(t => missing.Contains(t.Id)).ToListAsync(cancellationToken));
        }

        foreach (var row in rows)
        {
            row.IsOpen = false;
            row.CompletedAt ??= now;
            row.Outcome ??= effects.ClosedTasks.First(c => c.Task == row.Id).Outcome;
        }
    }

    /// <summary>On PostgreSQL, a transaction-scoped advisory lock per instance: two hosts never run steps of one instance at once.</summary>
    private async Task LockAcrossHostsAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            var key = BitConverter.ToInt64(instanceId.ToByteArray(), 8);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
        }
    }

    private static string? Clip(string? text) => text is { Length: > 4000 } ? text[..4000] : text;
}
