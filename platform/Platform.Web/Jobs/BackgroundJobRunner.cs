using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Abstractions.Jobs;
using Platform.Abstractions.Telemetry;
using Platform.Data.Jobs;

namespace Platform.Web.Jobs;

/// <summary>
/// Takes up queued jobs of the kinds this host has handlers for, in <see cref="BackgroundJobSettings.Slots"/> slots.
/// While a job runs its lease is renewed; when the renewal finds the job taken by another host (this one
/// stalled past its lease) the run is cancelled. A run that throws is retried later, up to
/// <see cref="BackgroundJobSettings.MostAttempts"/> times; a host that stops hands its jobs back at once.
/// </summary>
public sealed class BackgroundJobRunner(IServiceScopeFactory scopes, BackgroundJobSettings settings, ILogger<BackgroundJobRunner> logger) : BackgroundService
{
    /// <summary>This host's name in the lease column.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>
    /// The jobs running here. A lease can run out under a run that is still going (on SQLite a long write keeps the renewal
    /// waiting); this host then must not take the same job up a second time beside it.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, byte> _running = new();

    /// <summary>Looks at the queue now rather than at the next poll (a job was just queued on this host).</summary>
    public void Wake() => _wake.Release();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(0, settings.Slots)).Select(_ => SlotAsync(stoppingToken)));

    private async Task SlotAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            bool ran;
            try
            {
                ran = await RunOneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The job queue could not be read; trying again shortly.");
                ran = false;
            }

            if (!ran)
            {
                try
                {
                    await _wake.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Runs one job if one is waiting; answers whether one ran.</summary>
    public async Task<bool> RunOneAsync(CancellationToken stoppingToken)
    {
        BackgroundJob? job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var kinds = scope.ServiceProvider.GetServices<IBackgroundJobHandler>().Select(h => h.Kind).Distinct().ToList();
            if (kinds.Count == 0)
            {
                return false;
            }

            job = await scope.ServiceProvider.GetRequiredService<BackgroundJobStore>().ClaimAsync(kinds, Owner, settings.Lease, stoppingToken, [.. _running.Keys]);
        }

        if (job is null || !_running.TryAdd(job.Id, 0))
        {
            return false;
        }

        try
        {
            await RunAsync(job, stoppingToken);
        }
        finally
        {
            _running.TryRemove(job.Id, out _);
        }

        return true;
    }

    private async Task RunAsync(BackgroundJob job, CancellationToken stoppingToken)
    {
        using var activity = PlatformTelemetry.Activities.StartActivity($"job {job.Kind}");
        activity?.SetTag("platform.job.kind", job.Kind);
        activity?.SetTag("platform.job.id", job.Id);
        activity?.SetTag("platform.job.attempt", job.Attempts);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Job"] = job.Id, ["JobKind"] = job.Kind, ["Instance"] = Owner });
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await RunHandlerAsync(job, stoppingToken);
        var kind = new KeyValuePair<string, object?>("kind", job.Kind);
        PlatformTelemetry.JobRuns.Add(1, kind, new KeyValuePair<string, object?>("outcome", outcome));
        PlatformTelemetry.JobDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, kind);
        activity?.SetTag("platform.job.outcome", outcome);
    }

    /// <summary>Runs the job's handler while keeping its lease; answers how the run ended: done, released, taken_over, retried or failed.</summary>
    private async Task<string> RunHandlerAsync(BackgroundJob job, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var keeper = KeepLeaseAsync(job.Id, lost, renewing.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IBackgroundJobHandler>().First(h => h.Kind == job.Kind);
            var run = new BackgroundJobRun(job.Id, job.Kind, job.Subject, job.Attempts, (done, total, ct) => ReportAsync(job.Id, done, total, ct));
            await handler.RunAsync(run, lost.Token);
            await renewing.CancelAsync();
            await keeper;
            await WithStoreAsync(store => store.FinishAsync(job.Id, Owner, CancellationToken.None));
            return "done";
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            await renewing.CancelAsync();
            await keeper;
            if (stoppingToken.IsCancellationRequested)
            {
                await WithStoreAsync(store => store.ReleaseAsync(job.Id, Owner, CancellationToken.None));
                return "released";
            }

            logger.LogWarning("The job {Job} ({Kind}) was taken up by another host while this one ran it; this run stopped.", job.Id, job.Kind);
            return "taken_over";
        }
        catch (Exception e)
        {
            await renewing.CancelAsync();
            await keeper;
            var retry = job.Attempts < settings.MostAttempts ? TimeSpan.FromSeconds(5 * job.Attempts) : (TimeSpan?)null;
            logger.LogError(e, "The job {Job} ({Kind} {Subject}) failed on attempt {Attempt}{Retry}.", job.Id, job.Kind, job.Subject, job.Attempts, retry is null ? "; given up" : "; it is tried again");
            await WithStoreAsync(store => store.FailAsync(job.Id, Owner, e.Message, retry, CancellationToken.None));
            return retry is null ? "failed" : "retried";
        }
    }

    private async Task KeepLeaseAsync(Guid id, CancellationTokenSource lost, CancellationToken stop)
    {
        var every = settings.Lease / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stop);
                if (!await WithStoreAsync(store => store.RenewAsync(id, Owner, settings.Lease, stop)))
                {
                    await lost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The lease of job {Job} could not be renewed; trying again.", id);
            }
        }
    }

    private Task<int> ReportAsync(Guid id, int done, int total, CancellationToken cancellationToken) =>
        WithStoreAsync(store => store.ReportAsync(id, Owner, done, total, cancellationToken));

    private async Task<T> WithStoreAsync<T>(Func<BackgroundJobStore, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BackgroundJobStore>());
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
