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
public sealed class WorkflowQueries(PlatformDbContext db) : IWorkflowQueries
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

    /// <summary>Who may see an instance: those who may act for anyone, its initiator, and whoever has or had a task in it.</summary>
    public async Task<bool> MaySeeAsync(WorkflowInstance instance, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.MayActForAnyone || instance.Initiator == actor.UserId)
        {
            return true;
        }

        var tasks = await TasksOfAsync(instance.Id, cancellationToken);
        return tasks.Any(t => t.CompletedBy == actor.UserId || WorkflowEngine.MayAct(t, actor));
    }
}
