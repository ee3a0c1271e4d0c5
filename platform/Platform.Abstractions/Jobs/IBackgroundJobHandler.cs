namespace Platform.Abstractions.Jobs;

/// <summary>
/// Runs the jobs of one kind (registered as a scoped service). A run may be cut off at any moment — the host
/// stops or dies — and is then started again on some host with the same subject: a handler keeps what it
/// finished in the database, in the same transaction as the finished work, and skips it when run again.
/// </summary>
public interface IBackgroundJobHandler
{
    string Kind { get; }

    Task RunAsync(BackgroundJobRun run, CancellationToken cancellationToken);
}
