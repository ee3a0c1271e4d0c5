using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

public sealed partial class WorkflowEngine
{
    /// <summary>Time beyond a call's own timeout before another host may take over a delivery that never reported back.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Delivers one due webhook call: claims it (moving its row's due time past the call's timeout, so no
    /// other host sends it meanwhile), sends it outside any transaction, then reports the answer as a step
    /// of the instance. A host that dies in between leaves the claim to expire and the call is sent again,
    /// with the same <c>Idempotency-Key</c>. False when there was nothing to send (claimed elsewhere, or the task moved on).
    /// </summary>
    public async Task<bool> DeliverWebhookAsync(Guid instanceId, string timerId, WebhookSender sender, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.WorkflowTimers.AsNoTracking().Where(t => t.InstanceId == instanceId && t.TimerId == timerId)
            .Select(t => (long?)t.DueAt).SingleOrDefaultAsync(cancellationToken);
        if (due is null || due > now.ToUnixTimeMilliseconds())
        {
            return false;
        }

        var instance = await db.WorkflowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => new { i.State, i.EndedAt }).SingleOrDefaultAsync(cancellationToken);
        var call = instance is { EndedAt: null } ? InstanceStateJson.Read(instance.State).Timers.Find(t => t.Id == timerId)?.Webhook : null;
        if (call is null)
        {
            // The instance ended or the task moved on in a step that could not see this row: nothing to send.
            await WorkflowRows.DeleteTimerAsync(db, instanceId, timerId, cancellationToken);
            return false;
        }

        var claimedUntil = (now + call.Timeout + LeaseMargin).ToUnixTimeMilliseconds();
        if (await db.WorkflowTimers.Where(t => t.InstanceId == instanceId && t.TimerId == timerId && t.DueAt == due)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.DueAt, claimedUntil), cancellationToken) != 1)
        {
            return false;
        }

        var response = await sender.SendAsync(call, cancellationToken);
        try
        {
            await InStepAsync(instanceId, runner => runner.WebhookAnsweredAsync(timerId, response), Actor.Platform, cancellationToken);
        }
        catch (WorkflowException e) when (e.Code is WorkflowException.NoSuchInstance or WorkflowException.InstanceEnded)
        {
            await WorkflowRows.DeleteTimerAsync(db, instanceId, timerId, cancellationToken);
        }

        return true;
    }
}
