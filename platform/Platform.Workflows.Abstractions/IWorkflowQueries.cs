using Platform.Core.Security;
using Platform.Records.Files;

namespace Platform.Workflows;

/// <summary>What the inbox, the instance pages and the API read about workflows, without moving anything.</summary>
public interface IWorkflowQueries
{
    /// <summary>Open tasks assigned to the actor, offered to them or one of their roles, or offered to nobody in particular.</summary>
    Task<List<WorkflowTask>> OfferedToAsync(Actor actor, CancellationToken cancellationToken, int limit = 500);

    /// <summary>The newest instances, of one status or all.</summary>
    Task<List<WorkflowInstance>> InstancesAsync(string? status, int limit, CancellationToken cancellationToken);

    Task<WorkflowInstance?> InstanceAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The instance a task belongs to; null when there is no such task.</summary>
    Task<WorkflowInstance?> InstanceOfTaskAsync(Guid taskId, CancellationToken cancellationToken);

    Task<List<WorkflowTask>> TasksOfAsync(Guid instanceId, CancellationToken cancellationToken);

    Task<List<WorkflowHistoryEntry>> HistoryOfAsync(Guid instanceId, CancellationToken cancellationToken);

    /// <summary>Every deployed version, by process key and version.</summary>
    Task<List<DeployedProcess>> DeployedAsync(CancellationToken cancellationToken);

    /// <summary>A file attached to an instance's comments; null when the instance has no such file.</summary>
    Task<StoredFile?> AttachmentAsync(Guid instanceId, Guid fileId, CancellationToken cancellationToken);

    /// <summary>The instance when <paramref name="actor"/> may see it; null when there is none or they may not (both answer "no such instance").</summary>
    Task<WorkflowInstance?> VisibleInstanceAsync(Guid id, Actor actor, CancellationToken cancellationToken);

    /// <summary>Who may see an instance: those who may act for anyone, its initiator, and whoever has or had a task in it.</summary>
    Task<bool> MaySeeAsync(WorkflowInstance instance, Actor actor, CancellationToken cancellationToken);

    /// <summary>The latest version of every process records of <paramref name="entity"/> are submitted to from their form, named in <paramref name="culture"/>.</summary>
    Task<List<ApprovalProcess>> ApprovalsForAsync(string entity, string culture, CancellationToken cancellationToken);

    /// <summary>The instances bound to one record, newest first.</summary>
    Task<List<WorkflowInstance>> InstancesOfRecordAsync(string entity, Guid recordId, CancellationToken cancellationToken);

    /// <summary>The names of a deployed version and its elements in <paramref name="culture"/>.</summary>
    Task<ProcessLabels> LabelsAsync(long definitionId, string culture, CancellationToken cancellationToken);

    /// <summary>For each task, the names of its process version and steps in <paramref name="culture"/> (one query for all).</summary>
    Task<Dictionary<Guid, ProcessLabels>> LabelsOfTasksAsync(IReadOnlyCollection<WorkflowTask> tasks, string culture, CancellationToken cancellationToken);

    /// <summary>The latest deployed version of a process with its file; null when none is deployed.</summary>
    Task<DeployedFile?> LatestFileAsync(string processKey, CancellationToken cancellationToken);

    /// <summary>Where an instance is on its diagram, with the file of its version; null when there is no such instance.</summary>
    Task<InstanceProgress?> ProgressAsync(Guid instanceId, CancellationToken cancellationToken);
}
