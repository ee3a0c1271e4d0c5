using Platform.Abstractions.Jobs;
using Platform.Data.Jobs;

namespace Platform.Web.Jobs;

/// <summary>Queues a job in the database and wakes this host's runner, so it starts at once rather than at the next poll.</summary>
public sealed class WakingBackgroundJobs(BackgroundJobStore store, BackgroundJobRunner runner) : IBackgroundJobs
{
    public async Task<Guid> EnqueueAsync(string kind, string subject, string requestedBy, CancellationToken cancellationToken = default)
    {
        var id = await store.EnqueueAsync(kind, subject, requestedBy, cancellationToken);
        runner.Wake();
        return id;
    }

    public Guid Queue(string kind, string subject, string requestedBy)
    {
        var id = store.Queue(kind, subject, requestedBy);
        runner.Wake(); // it may look before the caller commits; then the next poll finds the job
        return id;
    }

    public Task<BackgroundJobStatus?> FindAsync(Guid id, CancellationToken cancellationToken = default) => store.FindAsync(id, cancellationToken);
}
