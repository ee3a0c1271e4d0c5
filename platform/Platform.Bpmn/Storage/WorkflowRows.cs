using Platform.Data;
using Platform.Data.Records;

namespace Platform.Bpmn.Storage;

/// <summary>
/// What a workflow step reads and writes, as plain prepared statements in the step's transaction: new
/// instances, tasks, timers and history lines; a task's changes; timers gone; the instance's new state, guarded
/// by its row version. A step writes a handful of rows, and change tracking would cost more than the writing.
/// </summary>
public static class WorkflowRows
{
    private static readonly string[] InstanceChanges =
        [nameof(WorkflowInstance.State), nameof(WorkflowInstance.Status), nameof(WorkflowInstance.Error), nameof(WorkflowInstance.EndedAt),
            nameof(WorkflowInstance.RowVersion), nameof(WorkflowInstance.LocksRecord)];

    private static readonly string[] InstanceMatch = [nameof(WorkflowInstance.Id), nameof(WorkflowInstance.RowVersion)];

    private static readonly string[] TaskChanges =
        [nameof(WorkflowTask.Assignee), nameof(WorkflowTask.IsOpen), nameof(WorkflowTask.Outcome), nameof(WorkflowTask.Comment),
            nameof(WorkflowTask.CompletedAt), nameof(WorkflowTask.CompletedBy)];

    private static readonly string[] TaskMatch = [nameof(WorkflowTask.Id)];

    private static readonly string[] TimerMatch = [nameof(WorkflowTimer.InstanceId), nameof(WorkflowTimer.TimerId)];

    public static Task InsertAsync<T>(PlatformDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class =>
        PreparedInsert.RunAsync(db, db.Model.FindEntityType(typeof(T))!, rows, (row, property) => property.GetGetter().GetClrValue(row), cancellationToken);

    /// <summary>Writes the instance's state, status and row version; false when its stored row version is no longer <paramref name="previousVersion"/>.</summary>
    public static async Task<bool> UpdateInstanceAsync(PlatformDbContext db, WorkflowInstance instance, int previousVersion, CancellationToken cancellationToken) =>
        await PreparedUpdate.RunAsync(db, db.Model.FindEntityType(typeof(WorkflowInstance))!, InstanceChanges,
            [instance.State, instance.Status, instance.Error, instance.EndedAt, instance.RowVersion, instance.LocksRecord],
            InstanceMatch, [instance.Id, previousVersion], cancellationToken) == 1;

    /// <summary>Writes who a task is for and how it ended.</summary>
    public static Task UpdateTaskAsync(PlatformDbContext db, WorkflowTask task, CancellationToken cancellationToken) =>
        PreparedUpdate.RunAsync(db, db.Model.FindEntityType(typeof(WorkflowTask))!, TaskChanges,
            [task.Assignee, task.IsOpen, task.Outcome, task.Comment, task.CompletedAt, task.CompletedBy], TaskMatch, [task.Id], cancellationToken);

    /// <summary>Removes an instance's pending timer (fired, cleared, or with nothing left to do), in the context's transaction if it has one.</summary>
    public static Task DeleteTimerAsync(PlatformDbContext db, Guid instanceId, string timerId, CancellationToken cancellationToken) =>
        PreparedDelete.RunAsync(db, db.Model.FindEntityType(typeof(WorkflowTimer))!, TimerMatch, [instanceId, timerId], cancellationToken);

    /// <summary>The instance as stored now (untracked); null when there is none.</summary>
    public static Task<WorkflowInstance?> InstanceAsync(PlatformDbContext db, Guid instanceId, CancellationToken cancellationToken) =>
        PreparedRead.RowAsync<WorkflowInstance>(db, [nameof(WorkflowInstance.Id)], [instanceId], cancellationToken);
}
