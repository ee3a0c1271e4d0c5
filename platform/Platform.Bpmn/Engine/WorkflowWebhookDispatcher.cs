using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Data;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

/// <summary>
/// Sends the webhook calls of service tasks once they are due (right after the step that reached the
/// task, or at the time of the next retry), several at a time so one slow receiver does not hold up
/// the others. Kept apart from the timer dispatcher: a call may take its full timeout, a timer never waits.
/// </summary>
public sealed class WorkflowWebhookDispatcher(IServiceScopeFactory scopes, WebhookSender sender, TimeProvider clock, ILogger<WorkflowWebhookDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private const int Batch = 100;

    private const int AtOnce = 8;

    /// <summary>Sends every call due now; answers how many were sent. The hosted loop calls it, and tests after moving the clock.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        List<(Guid Instance, string Timer)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            due = [.. (await db.WorkflowTimers.AsNoTracking().Where(t => t.DueAt <= now && t.TimerId.StartsWith(PendingTimer.WebhookPrefix))
                .OrderBy(t => t.DueAt).Take(Batch).Select(t => new { t.InstanceId, t.TimerId }).ToListAsync(cancellationToken)).Select(t => (t.InstanceId, t.TimerId))];
        }

        var sent = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = cancellationToken }, async (call, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                if (await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().DeliverWebhookAsync(call.Instance, call.Timer, sender, token))
                {
                    Interlocked.Increment(ref sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The claim expires and the call is sent again.
                logger.LogError(e, "The webhook {Timer} of workflow instance {Instance} could not be delivered; it is tried again later.", call.Timer, call.Instance);
            }
        });
        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunDueAsync(stoppingToken) == 0)
                {
                    await Task.Delay(PollInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Workflow webhooks could not be read; trying again.");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }
}
