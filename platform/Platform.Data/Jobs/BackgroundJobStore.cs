using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Jobs;

namespace Platform.Data.Jobs;

/// <summary>
/// The jobs table: queueing and reading jobs, and the runner's claims. A claim is one conditional UPDATE
/// (the job is queued and due, or running under a lease that ran out), so of two hosts trying the same
/// job exactly one gets it; renewing, reporting and finishing only touch a job this host still holds.
/// </summary>
public sealed class BackgroundJobStore(PlatformDbContext db, TimeProvider clock) : IBackgroundJobs
{
    private const int ErrorLength = 4000;

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<Guid> EnqueueAsync(string kind, string subject, string requestedBy, CancellationToken cancellationToken = default)
    {
        var id = Queue(kind, subject, requestedBy);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    public Guid Queue(string kind, string subject, string requestedBy)
    {
        var now = clock.GetUtcNow();
        var job = new BackgroundJob { Id = Guid.CreateVersion7(now), Kind = kind, Subject = subject, RequestedBy = requestedBy, CreatedAt = now };
        db.Set<BackgroundJob>().Add(job);
        return job.Id;
    }

    public async Task<BackgroundJobStatus?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Set<BackgroundJob>().AsNoTracking().Where(j => j.Id == id)
            .Select(j => new BackgroundJobStatus(j.Id, j.Kind, j.Subject, j.State, j.Done, j.Total, j.Attempts, j.Error, j.CreatedAt, j.FinishedAt))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Takes up one job of <paramref name="kinds"/> that is due, or was left by a host whose lease ran out, other than the jobs
    /// <paramref name="runningHere"/>; null when there is none.
    /// </summary>
    public async Task<BackgroundJob?> ClaimAsync(IReadOnlyCollection<string> kinds, string owner, TimeSpan lease, CancellationToken cancellationToken, IReadOnlyCollection<Guid>? runningHere = null)
    {
        var now = Now;
        runningHere ??= [];
        var candidates = await db.Set<BackgroundJob>().AsNoTracking()
            .Where(j => kinds.Contains(j.Kind) && !runningHere.Contains(j.Id)
                && ((j.State == BackgroundJobStates.Queued && j.NotBefore <= now) || (j.State == BackgroundJobStates.Running && j.LeaseUntil < now)))
            .OrderBy(j => j.Id).Select(j => j.Id).Take(5).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var until = now + (long)lease.TotalMilliseconds;
            var claimed = await db.Set<BackgroundJob>()
                .Where(j => j.Id == id && ((j.State == BackgroundJobStates.Queued && j.NotBefore <= now) || (j.State == BackgroundJobStates.Running && j.LeaseUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BackgroundJobStates.Running).SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken);
            if (claimed == 1)
            {
                return await db.Set<BackgroundJob>().AsNoTracking().FirstAsync(j => j.Id == id, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>Extends this host's claim; false when the job is no longer this host's (its lease ran out and another host took it).</summary>
    public async Task<bool> RenewAsync(Guid id, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = Now + (long)lease.TotalMilliseconds;
        return await Held(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), cancellationToken) == 1;
    }

    public Task<int> ReportAsync(Guid id, string owner, int done, int total, CancellationToken cancellationToken) =>
        Held(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.Total, total), cancellationToken);

    public Task<int> FinishAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return Held(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BackgroundJobStates.Done).SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.Error, (string?)null).SetProperty(j => j.FinishedAt, now), cancellationToken);
    }

    /// <summary>A run that threw: queued again after <paramref name="retryAfter"/>, or failed for good when <paramref name="retryAfter"/> is null.</summary>
    public Task<int> FailAsync(Guid id, string owner, string error, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var message = error.Length > ErrorLength ? error[..ErrorLength] : error;
        if (retryAfter is { } wait)
        {
            var due = Now + (long)wait.TotalMilliseconds;
            return Held(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BackgroundJobStates.Queued).SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.NotBefore, due).SetProperty(j => j.Error, message), cancellationToken);
        }

        var now = clock.GetUtcNow();
        return Held(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BackgroundJobStates.Failed).SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.Error, message).SetProperty(j => j.FinishedAt, now), cancellationToken);
    }

    /// <summary>This host stops: the job goes back to the queue at once rather than waiting for the lease to run out.</summary>
    public Task<int> ReleaseAsync(Guid id, string owner, CancellationToken cancellationToken) =>
        Held(id, owner).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BackgroundJobStates.Queued).SetProperty(j => j.LeaseOwner, (string?)null)
            .SetProperty(j => j.LeaseUntil, 0L), cancellationToken);

    private IQueryable<BackgroundJob> Held(Guid id, string owner) =>
        db.Set<BackgroundJob>().Where(j => j.Id == id && j.State == BackgroundJobStates.Running && j.LeaseOwner == owner);
}
