using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

public sealed partial class WorkflowEngine
{
    /// <summary>
    /// Fires a due timer start event: moves its row to the next time (or removes it when the schedule
    /// is over) and starts an instance, in one transaction. Only the host whose update found the row
    /// still at the due time it read starts the instance; false for the others and when nothing was due.
    /// A schedule missed while no host ran fires once, then continues from now.
    /// </summary>
    public Task<bool> FireStartTimerAsync(string processKey, string nodeId, CancellationToken cancellationToken = default) =>
        InTransactionAsync(engine => engine.FireStartTimerStepAsync(processKey, nodeId, cancellationToken), cancellationToken);

    private async Task<bool> FireStartTimerStepAsync(string processKey, string nodeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = await db.WorkflowStartTimers.AsNoTracking().SingleOrDefaultAsync(t => t.ProcessKey == processKey && t.NodeId == nodeId, cancellationToken);
        if (row is null || row.DueAt > now.ToUnixTimeMilliseconds())
        {
            return false;
        }

        var model = await models.GetAsync(db, row.DefinitionId, cancellationToken);
        var timer = model.Node(nodeId).Timer ?? throw new WorkflowException($"{nodeId} is not a timer start event of {processKey}.");
        DateTimeOffset? next = null;
        if (Schedule.TryParse(timer.Kind, timer.Text, out var schedule, out _))
        {
            next = schedule.Next(DateTimeOffset.FromUnixTimeMilliseconds(row.DueAt), row.Fired + 1);
            while (next is { } late && late <= now)
            {
                next = schedule.Next(late, row.Fired + 1);
            }
        }

        var mine = db.WorkflowStartTimers.Where(t => t.ProcessKey == processKey && t.NodeId == nodeId && t.DueAt == row.DueAt);
        var taken = next is { } at
            ? await mine.ExecuteUpdateAsync(set => set.SetProperty(t => t.DueAt, at.ToUnixTimeMilliseconds()).SetProperty(t => t.Fired, row.Fired + 1), cancellationToken)
            : await mine.ExecuteDeleteAsync(cancellationToken);
        if (taken != 1)
        {
            return false;
        }

        await StartAtAsync(row.DefinitionId, nodeId, null, Actor.Platform, cancellationToken: cancellationToken);
        return true;
    }
}
