namespace Platform.Abstractions.Jobs;

/// <summary>One run of a job on this host: which attempt it is (a job taken up again after a host stopped counts on), and where progress goes.</summary>
public sealed record BackgroundJobRun(Guid Id, string Kind, string Subject, int Attempt, Func<int, int, CancellationToken, Task> ReportProgress)
{
    /// <summary>Tells everyone watching (from any host) how far the job is: <paramref name="done"/> of <paramref name="total"/>.</summary>
    public Task ReportAsync(int done, int total, CancellationToken cancellationToken = default) => ReportProgress(done, total, cancellationToken);
}
