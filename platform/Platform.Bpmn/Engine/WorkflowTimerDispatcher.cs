using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Data;

namespace Platform.Bpmn.Engine;

/// <summary>
/// Fires workflow timers that fell due: reads them by due time from the database (so timers survive
/// restarts and any host may fire them) and runs each as a step of its instance. A timer fires at
/// most once: the step that fires it deletes its row and removes it from the state, and a second
/// host trying the same timer finds it gone.
/// </summary>
public sealed class WorkflowTimerDispatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<WorkflowTimerDispatcher> logger) : BackgroundService
{
    /// <summary>How often the table is read when nothing is due.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private const int Batch = 500;

    /// <summary>How many timer steps share one commit.</summary>
    private const int CommitEvery = 250;

    /// <summary>Fires every timer due now; answers how many fired. The hosted loop calls it, and tests after moving the clock.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var fired = await StartDueProcessesAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            List<(Guid Instance, string Timer)> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
                due = [.. (await db.WorkflowTimers.AsNoTracking().Where(t => t.DueAt <= now && !t.TimerId.StartsWith(Runtime.PendingTimer.WebhookPrefix)).OrderBy(t => t.DueAt).Take(Batch)
                    .Select(t => new { t.InstanceId, t.TimerId }).ToListAsync(cancellationToken)).Select(t => (t.InstanceId, t.TimerId))];
            }

            if (due.Count == 0)
            {
                return fired;
            }

            foreach (var chunk in due.Chunk(CommitEvery))
            {
                if (!await FireTogetherAsync(chunk, cancellationToken))
                {
                    foreach (var (instance, timer) in chunk)
                    {
                        await FireAsync(instance, timer, cancellationToken);
                    }
                }

                fired += chunk.Length;
            }
        }

        return fired;
    }

    /// <summary>Timer start events that fell due (nightly jobs): each starts one instance, whichever host gets there first.</summary>
    private async Task<int> StartDueProcessesAsync(CancellationToken cancellationToken)
    {
        List<(string Key, string Node)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            due = [.. (await db.WorkflowStartTimers.AsNoTracking().Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).Take(Batch)
                .Select(t => new { t.ProcessKey, t.NodeId }).ToListAsync(cancellationToken)).Select(t => (t.ProcessKey, t.NodeId))];
        }

        var started = 0;
        foreach (var (key, node) in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                started += await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().FireStartTimerAsync(key, node, cancellationToken) ? 1 : 0;
            }
            catch (WorkflowException e)
            {
                logger.LogError(e, "The timer start event {Node} of {Process} could not start an instance; it is tried again.", node, key);
            }
        }

        return started;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await Task.Delay(await UntilNextDueAsync(stoppingToken), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Workflow timers could not be read; trying again.");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    /// <summary>
    /// How long to sleep: until the earliest timer this host knows of falls due, at most <see cref="PollInterval"/>
    /// (timers set on other hosts, or later, are found by the next poll). A timer still due after a round
    /// (its step failed and it waits for another try) waits a whole interval, so a failure never spins.
    /// </summary>
    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var next = await db.WorkflowTimers.Where(t => !t.TimerId.StartsWith(Runtime.PendingTimer.WebhookPrefix)).MinAsync(t => (long?)t.DueAt, cancellationToken);
        var nextStart = await db.WorkflowStartTimers.MinAsync(t => (long?)t.DueAt, cancellationToken);
        var earliest = next is null ? nextStart : nextStart is null ? next : Math.Min(next.Value, nextStart.Value);
        var wait = earliest is { } due ? TimeSpan.FromMilliseconds(due - clock.GetUtcNow().ToUnixTimeMilliseconds()) : PollInterval;
        return wait <= TimeSpan.Zero || wait > PollInterval ? PollInterval : wait;
    }

    /// <summary>
    /// Fires several due timers (of any instances) in one transaction: each is still its own step under
    /// its instance's lock, but they share one commit — the disk's flush is what limits how many timers
    /// a second fire. False (nothing kept) when the database refused any of them; they are then fired one by one.
    /// </summary>
    private async Task<bool> FireTogetherAsync((Guid Instance, string Timer)[] chunk, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var kept = Platform.Data.Records.PreparedCommands.Keep(db);
        try
        {
            foreach (var (instance, timer) in chunk)
            {
                try
                {
                    await engine.FireTimerAsync(instance, timer, cancellationToken);
                }
                catch (WorkflowException e) when (e.Code is WorkflowException.NoSuchInstance or WorkflowException.InstanceEnded)
                {
                    // Refused before the step wrote anything: the timer has nothing left to do.
                    db.ChangeTracker.Clear();
                    await WorkflowRows.DeleteTimerAsync(db, instance, timer, cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogInformation(e, "A batch of {Count} workflow timers was rolled back; firing them one by one.", chunk.Length);
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }
    }

    private async Task FireAsync(Guid instance, string timer, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        try
        {
            await engine.FireTimerAsync(instance, timer, cancellationToken);
        }
        catch (WorkflowException e)
        {
            // The instance ended or vanished meanwhile: the timer has nothing left to do. (Database failures
            // propagate: the row stays and the next round fires it.)
            logger.LogWarning(e, "Workflow timer {Timer} of instance {Instance} could not fire; it is dropped.", timer, instance);
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.ChangeTracker.Clear();
            await WorkflowRows.DeleteTimerAsync(db, instance, timer, cancellationToken);
        }
    }
}
