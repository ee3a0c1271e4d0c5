using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Jobs;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Jobs;

/// <summary>
/// Durable background jobs: a queued job runs once and its progress can be read from the database; a run that
/// throws is tried again later and, after the last attempt, marked failed with its error; a job nobody on this
/// host can handle is left for a host that can.
/// </summary>
public sealed class BackgroundJobTests
{
    /// <summary>Counts its runs per job; throws while the subject says so.</summary>
    private sealed class CountingJob(Runs runs) : IBackgroundJobHandler
    {
        public string Kind => "test.counting";

        public async Task RunAsync(BackgroundJobRun run, CancellationToken cancellationToken)
        {
            runs.Count.AddOrUpdate(run.Id, 1, (_, n) => n + 1);
            await run.ReportAsync(3, 4, cancellationToken);
            if (run.Subject == "always-fails")
            {
                throw new InvalidOperationException("The printer is on fire.");
            }
        }
    }

    private sealed class Runs
    {
        public ConcurrentDictionary<Guid, int> Count { get; } = new();
    }

    private static Task<PlatformHost> StartAsync(Runs runs) =>
        PlatformHost.StartAsync("Sqlite", services =>
        {
            services.AddSingleton(runs);
            services.AddScoped<IBackgroundJobHandler, CountingJob>();
        }, ("Platform:Jobs:PollInterval", "00:00:00.100"), ("Platform:Jobs:MostAttempts", "2"));

    private static async Task<BackgroundJobStatus> WaitAsync(PlatformHost host, Guid id, Func<BackgroundJobStatus, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        BackgroundJobStatus status;
        do
        {
            status = (await host.InScopeAsync(s => s.GetRequiredService<IBackgroundJobs>().FindAsync(id)))!;
            if (until(status))
            {
                return status;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        return status;
    }

    [Fact]
    public async Task A_queued_job_runs_once_and_its_progress_stays_readable()
    {
        var runs = new Runs();
        await using var host = await StartAsync(runs);

        var id = await host.InScopeAsync(s => s.GetRequiredService<IBackgroundJobs>().EnqueueAsync("test.counting", "fine", "admin"));
        var status = await WaitAsync(host, id, s => s.State == BackgroundJobStates.Done);

        Assert.Equal((BackgroundJobStates.Done, 3, 4, 1), (status.State, status.Done, status.Total, status.Attempts));
        Assert.NotNull(status.FinishedAt);
        await Task.Delay(500);
        Assert.Equal(1, runs.Count[id]);
    }

    [Fact]
    public async Task A_run_that_throws_is_tried_again_later_and_then_marked_failed_with_its_error()
    {
        var runs = new Runs();
        await using var host = await StartAsync(runs);

        var id = await host.InScopeAsync(s => s.GetRequiredService<IBackgroundJobs>().EnqueueAsync("test.counting", "always-fails", "admin"));
        var waiting = await WaitAsync(host, id, s => s.Attempts == 1 && s.State == BackgroundJobStates.Queued);
        Assert.Equal("The printer is on fire.", waiting.Error);
        host.Clock.Advance(TimeSpan.FromSeconds(6)); // the retry falls due
        var failed = await WaitAsync(host, id, s => s.State == BackgroundJobStates.Failed);

        Assert.Equal((BackgroundJobStates.Failed, 2, "The printer is on fire."), (failed.State, failed.Attempts, failed.Error));
        Assert.Equal(2, runs.Count[id]);
    }

    [Fact]
    public async Task A_job_of_a_kind_this_host_cannot_run_is_left_queued_for_one_that_can()
    {
        var runs = new Runs();
        await using var host = await StartAsync(runs);

        var id = await host.InScopeAsync(s => s.GetRequiredService<IBackgroundJobs>().EnqueueAsync("test.elsewhere", "x", "admin"));
        await Task.Delay(800);

        var job = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal((BackgroundJobStates.Queued, 0, (string?)null), (job.State, job.Attempts, job.LeaseOwner));
    }
}
