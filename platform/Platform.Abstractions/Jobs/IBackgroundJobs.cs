namespace Platform.Abstractions.Jobs;

/// <summary>
/// Work that outlives a request and a host: a job is a row in the platform's database, claimed by one
/// host at a time with a lease it keeps renewing. When a host stops or dies, its lease runs out and
/// another host (or the same one, restarted) takes the job up again; handlers keep their own progress in
/// the database so a job taken up again goes on where it was, never doing a finished part twice.
/// </summary>
public interface IBackgroundJobs
{
    /// <summary>Queues a job for the handler of <paramref name="kind"/>; <paramref name="subject"/> says what it works on (e.g. a batch's id).</summary>
    Task<Guid> EnqueueAsync(string kind, string subject, string requestedBy, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a job to the work under way without saving: it is queued when the caller saves its own change (one
    /// commit for both, so a batch never exists without the job that reads it). Answers the job's id.
    /// </summary>
    Guid Queue(string kind, string subject, string requestedBy);

    Task<BackgroundJobStatus?> FindAsync(Guid id, CancellationToken cancellationToken = default);
}
