using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Files;
using Platform.Bpmn.Engine;

namespace Platform.Bpmn.Queries;

/// <summary>
/// What the workflow API and the inbox read: a person's open tasks, instances with their tasks and
/// history, deployed processes, and who may see an instance. Ids are time-ordered (UUID v7), so
/// ordering by id is oldest first on every database.
/// </summary>
public sealed class WorkflowQueries(PlatformDbContext db, ProcessModels models) : IWorkflowQueries
{
    /// <summary>Open tasks assigned to the actor, offered to them or one of their roles, or offered to nobody in particular.</summary>
    public Task<List<WorkflowTask>> OfferedToAsync(Actor actor, CancellationToken cancellationToken, int limit = 500)
    {
        var me = $"|{actor.UserId}|";
        // Candidate lists are |a|b| texts: "offered to me" is a LIKE per role, run in the database over open tasks only.
        var query = db.WorkflowTasks.AsNoTracking().Where(t => t.IsOpen);
        var offered = query.Where(t => t.Assignee == actor.UserId
            || (t.Assignee == null && (t.CandidateUsers.Contains(me) || (t.CandidateUsers == "" && t.CandidateRoles == ""))));
        foreach (var role in actor.RoleNames.Select(r => $"|{r}|"))
        {
            offered = offered.Union(query.Where(t => t.Assignee == null && t.CandidateRoles.Contains(role)));
        }

        return offered.OrderBy(t => t.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>The newest instances, of one status or all.</summary>
    public Task<List<WorkflowInstance>> InstancesAsync(string? status, int limit, CancellationToken cancellationToken) =>
        db.WorkflowInstances.AsNoTracking().Where(i => status == null || i.Status == status).OrderByDescending(i => i.Id).Take(limit).ToListAsync(cancellationToken);

    public Task<WorkflowInstance?> InstanceAsync(Guid id, CancellationToken cancellationToken) =>
        db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    /// <summary>The instance a task belongs to; null when there is no such task.</summary>
    public async Task<WorkflowInstance?> InstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken) =>
        await db.WorkflowTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => (Guid?)t.InstanceId).SingleOrDefaultAsync(cancellationToken) is { } instanceId
            ? await InstanceAsync(instanceId, cancellationToken)
            : null;

    public Task<List<WorkflowTask>> TasksOfAsync(Guid instanceId, CancellationToken cancellationToken) =>
        db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.Id).ToListAsync(cancellationToken);

    public Task<List<WorkflowHistoryEntry>> HistoryOfAsync(Guid instanceId, CancellationToken cancellationToken) =>
        db.WorkflowHistory.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id).ToListAsync(cancellationToken);

    /// <summary>Every deployed version, by process key and version.</summary>
    public Task<List<DeployedProcess>> DeployedAsync(CancellationToken cancellationToken) =>
        db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.ProcessKey).ThenBy(d => d.Version)
            .Select(d => new DeployedProcess(d.ProcessKey, d.Version, d.Name, d.DeployedAt, d.DeployedBy)).ToListAsync(cancellationToken);

    /// <summary>A file attached to an instance's comments; null when the instance has no such file.</summary>
    public Task<StoredFile?> AttachmentAsync(Guid instanceId, Guid fileId, CancellationToken cancellationToken) =>
        db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.RecordId == instanceId && f.EntityKey == WorkflowEngine.AttachmentKey, cancellationToken);

    /// <summary>The instance when <paramref name="actor"/> may see it; null when there is none or they may not (both answer "no such instance").</summary>
    public async Task<WorkflowInstance?> VisibleInstanceAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        await InstanceAsync(id, cancellationToken) is { } instance && await MaySeeAsync(instance, actor, cancellationToken) ? instance : null;

    /// <summary>Who may see an instance: those who may act for anyone, its initiator, whoever has or had a task in it, and whoever acted in it.</summary>
    public async Task<bool> MaySeeAsync(WorkflowInstance instance, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.MayActForAnyone || instance.Initiator == actor.UserId)
        {
            return true;
        }

        var tasks = await TasksOfAsync(instance.Id, cancellationToken);
        // Whoever acted in it (delegated a task, commented) keeps seeing it too.
        return tasks.Any(t => t.CompletedBy == actor.UserId || WorkflowEngine.MayAct(t, actor))
            || await db.WorkflowHistory.AsNoTracking().AnyAsync(h => h.InstanceId == instance.Id && h.Actor == actor.UserId, cancellationToken);
    }

    /// <summary>The latest version of every process records of <paramref name="entity"/> are submitted to from their form, named in <paramref name="culture"/>.</summary>
    public async Task<List<ApprovalProcess>> ApprovalsForAsync(string entity, string culture, CancellationToken cancellationToken)
    {
        var key = entity.ToLowerInvariant();
        var latest = await db.WorkflowDefinitions.AsNoTracking().GroupBy(d => d.ProcessKey).Select(g => g.Max(d => d.Id)).ToListAsync(cancellationToken);
        var approvals = new List<ApprovalProcess>();
        foreach (var id in latest.Order())
        {
            var model = await models.GetAsync(db, id, cancellationToken);
            if (model.Binding.Entity == key)
            {
                var version = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).SingleAsync(cancellationToken);
                approvals.Add(new ApprovalProcess(model.Key, version, model.NameIn(culture), id));
            }
        }

        return [.. approvals.OrderBy(a => a.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The instances bound to one record, newest first.</summary>
    public Task<List<WorkflowInstance>> InstancesOfRecordAsync(string entity, Guid recordId, CancellationToken cancellationToken)
    {
        var key = entity.ToLowerInvariant();
        return db.WorkflowInstances.AsNoTracking().Where(i => i.Entity == key && i.RecordId == recordId).OrderByDescending(i => i.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The names of a deployed version and its elements in <paramref name="culture"/>.</summary>
    public async Task<ProcessLabels> LabelsAsync(long definitionId, string culture, CancellationToken cancellationToken)
    {
        var model = await models.GetAsync(db, definitionId, cancellationToken);
        return new ProcessLabels(model.NameIn(culture), model.NodeNamesIn(culture));
    }

    /// <summary>For each task, the names of its process version and steps in <paramref name="culture"/> (one query for all).</summary>
    public async Task<Dictionary<Guid, ProcessLabels>> LabelsOfTasksAsync(IReadOnlyCollection<WorkflowTask> tasks, string culture, CancellationToken cancellationToken)
    {
        var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var definitions = await db.WorkflowInstances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionId }).ToDictionaryAsync(i => i.Id, i => i.DefinitionId, cancellationToken);
        var labels = new Dictionary<long, ProcessLabels>();
        foreach (var definition in definitions.Values.Distinct())
        {
            labels[definition] = await LabelsAsync(definition, culture, cancellationToken);
        }

        return tasks.Where(t => definitions.ContainsKey(t.InstanceId)).ToDictionary(t => t.Id, t => labels[definitions[t.InstanceId]]);
    }

    /// <summary>The latest deployed version of a process with its file; null when none is deployed.</summary>
    public Task<DeployedFile?> LatestFileAsync(string processKey, CancellationToken cancellationToken) =>
        db.WorkflowDefinitions.AsNoTracking().Where(d => d.ProcessKey == processKey).OrderByDescending(d => d.Version)
            .Select(d => new DeployedFile(d.Id, d.ProcessKey, d.Version, d.Xml, d.DeployedAt, d.DeployedBy)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Where an instance is on its diagram, with the file of its version; null when there is no such instance.</summary>
    public async Task<InstanceProgress?> ProgressAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (await InstanceAsync(instanceId, cancellationToken) is not { } instance)
        {
            return null;
        }

        var xml = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == instance.DefinitionId).Select(d => d.Xml).SingleAsync(cancellationToken);
        var visited = await db.WorkflowHistory.AsNoTracking().Where(h => h.InstanceId == instanceId && h.ElementId != null)
            .Select(h => h.ElementId!).Distinct().ToListAsync(cancellationToken);
        var state = Engine.InstanceStateJson.Read(instance.State);
        var active = state.Tokens.Where(t => t.State != Runtime.TokenState.Incident).Select(t => t.NodeId).Distinct().ToList();
        var incidents = state.Tokens.Where(t => t.State == Runtime.TokenState.Incident).Select(t => t.NodeId).Distinct().ToList();
        var variables = state.Variables.ToDictionary(v => v.Key, v => System.Text.Json.JsonSerializer.Serialize(v.Value), StringComparer.Ordinal);
        return new InstanceProgress(visited, active, incidents, variables, xml);
    }
}
