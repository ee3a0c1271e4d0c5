using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;
using Platform.Bpmn.Runtime;
using Microsoft.Extensions.Logging;
using Platform.Data.Scripts;

namespace Platform.Bpmn.Engine;

/// <summary>Submitting a record for approval from its form: to a process of its entity, once at a time, and only when the start works.</summary>
public sealed partial class WorkflowEngine
{
    public async Task<WorkflowInstance> SubmitAsync(string processKey, string entity, Guid recordId, Actor actor, CancellationToken cancellationToken = default)
    {
        var definition = await SubmittableAsync(processKey, entity, recordId, actor, cancellationToken);
        return await InTransactionAsync(async engine =>
        {
            var instance = await engine.StartStepAsync(definition.Id, processKey, definition.Version, null, null, actor, entity, recordId, cancellationToken);
            return instance.Status == WorkflowStatus.Incident ? throw await engine.StartFailureAsync(instance, cancellationToken) : instance;
        }, cancellationToken);
    }

    public async Task<SubmitPreview> PreviewSubmitAsync(string processKey, string entity, Guid recordId, Actor actor, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A preview undoes its start; it cannot run inside a caller's transaction.");
        }

        try
        {
            var definition = await SubmittableAsync(processKey, entity, recordId, actor, cancellationToken);
            await InTransactionAsync<bool>(async engine =>
            {
                var instance = await engine.StartStepAsync(definition.Id, processKey, definition.Version, null, null, actor, entity, recordId, cancellationToken);
                throw instance.Status == WorkflowStatus.Incident
                    ? await engine.StartFailureAsync(instance, cancellationToken)
                    : new PreviewUndone(await engine.TasksOfAsync(instance.Id, cancellationToken));
            }, cancellationToken);
        }
        catch (PreviewUndone undone)
        {
            return new SubmitPreview(undone.Tasks, null);
        }
        catch (WorkflowException problem)
        {
            return new SubmitPreview([], problem);
        }

        throw new InvalidOperationException("A preview always undoes its start.");
    }

    /// <summary>The latest version of <paramref name="processKey"/> when records of <paramref name="entity"/> may be submitted to it and this one may be now.</summary>
    private async Task<(long Id, int Version)> SubmittableAsync(string processKey, string entity, Guid recordId, Actor actor, CancellationToken cancellationToken)
    {
        var definition = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.ProcessKey == processKey)
            .OrderByDescending(d => d.Version).Select(d => new { d.Id, d.Version }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new WorkflowException($"There is no deployed process '{processKey}'.", WorkflowException.NoSuchProcess);
        var model = await models.GetAsync(db, definition.Id, cancellationToken);
        var key = entity.ToLowerInvariant();
        if (model.Binding.Entity != key)
        {
            throw new WorkflowException($"The process '{processKey}' is not an approval for {entity} records (its platform:entity is '{model.Binding.Entity}').",
                WorkflowException.NotForEntity, [model.NameIn(CultureInfo.CurrentUICulture.Name)]);
        }

        if (await records.GetAsync(entity, recordId, actor: actor, cancellationToken: cancellationToken) is not { } record)
        {
            throw new WorkflowException($"There is no {entity} record {recordId} you may read.", WorkflowException.NoSuchRecord);
        }

        var running = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.Entity == key && i.RecordId == recordId && i.EndedAt == null && (i.ProcessKey == processKey || i.LocksRecord))
            .Select(i => i.DefinitionId).FirstOrDefaultAsync(cancellationToken);
        if (running != 0)
        {
            var name = (await models.GetAsync(db, running, cancellationToken)).NameIn(CultureInfo.CurrentUICulture.Name);
            throw new WorkflowException($"The record is already in a request that has not ended ({name}).", WorkflowException.AlreadySubmitted, [name]);
        }

        if (!await SubmitWhenHoldsAsync(model, record, actor, cancellationToken))
        {
            var process = model.NameIn(CultureInfo.CurrentUICulture.Name);
            throw new WorkflowException($"The record may not be submitted to {processKey} as it stands (platform:submitWhen {model.Binding.SubmitWhen}).", WorkflowException.NotSubmittableNow, [process]);
        }

        return (definition.Id, definition.Version);
    }

    /// <summary>The processes of <paramref name="approvals"/> the record may be submitted to as it stands (their <c>platform:submitWhen</c> holds).</summary>
    public async Task<List<ApprovalProcess>> SubmittableNowAsync(IReadOnlyList<ApprovalProcess> approvals, IReadOnlyDictionary<string, object?> record, Actor actor, CancellationToken cancellationToken = default)
    {
        var open = new List<ApprovalProcess>();
        foreach (var approval in approvals)
        {
            var model = await models.GetAsync(db, approval.DefinitionId, cancellationToken);
            try
            {
                if (await SubmitWhenHoldsAsync(model, record, actor, cancellationToken))
                {
                    open.Add(approval);
                }
            }
            catch (Platform.Rules.ScriptFailureException failure)
            {
                // A condition that fails on this record (not true or false, a script error) offers nothing; submitting says why.
                logger.LogWarning("The platform:submitWhen of {Process} failed on a {Entity} record: {Reason}", model.Key, model.Binding.Entity, failure.Message);
            }
        }

        return open;
    }

    private async Task<bool> SubmitWhenHoldsAsync(ProcessModel model, IReadOnlyDictionary<string, object?> record, Actor actor, CancellationToken cancellationToken) =>
        model.Binding.SubmitWhen is not { } when
        || scripts.Holds($"{model.Key} platform:submitWhen", WorkflowCondition.Script(when), new Dictionary<string, object?>(), record, await ScriptUsers.OfAsync(db, actor, cancellationToken));

    /// <summary>Why the start stopped at its first steps, named as the submitter knows them (the element's name in their language).</summary>
    private async Task<WorkflowException> StartFailureAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var model = await models.GetAsync(db, instance.DefinitionId, cancellationToken);
        var failed = InstanceStateJson.Read(instance.State).Tokens.First(t => t.State == TokenState.Incident);
        var element = model.Has(failed.NodeId) ? model.Node(failed.NodeId).LabelIn(CultureInfo.CurrentUICulture.Name) : failed.NodeId;
        return failed.ErrorCode is { } code
            ? new WorkflowException(failed.Error ?? code, code, [element])
            : new WorkflowException(failed.Error ?? "The process could not start.", WorkflowException.StartFailed, [element, failed.Error ?? ""]);
    }

    private Task<List<WorkflowTask>> TasksOfAsync(Guid instanceId, CancellationToken cancellationToken) =>
        db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>Carries a preview's first tasks out of the transaction it undoes.</summary>
    private sealed class PreviewUndone(List<WorkflowTask> tasks) : Exception("The preview's start is undone.")
    {
        public List<WorkflowTask> Tasks { get; } = tasks;
    }
}
