using Platform.Abstractions.Jobs;
using Platform.Records.Importing;

namespace Platform.DataTransfer.Import;

/// <summary>An import as the person who started it sees it: its state, how far it is, the counts and the first problems.</summary>
public sealed record ImportStatus(Guid Id, string Entity, string Status, string? Message, int Total, int Processed, int Inserted, int Updated, int FailedRows,
    bool SkipBadRows, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsRunning => Status == ImportRunStates.Running;

    /// <summary>
    /// The run's row, with the progress its job reported and the progress this host knows (whichever is further), and
    /// "failed" with <paramref name="givenUp"/> when its job was given up (it threw more times than it may).
    /// </summary>
    public static ImportStatus Of(ImportRun run, BackgroundJobStatus? job, int? live, IReadOnlyList<ImportProblem> problems, string? givenUp = null)
    {
        var status = job?.State == BackgroundJobStates.Failed ? ImportRunStates.Failed : run.Status;
        var processed = status == ImportRunStates.Running ? Math.Max(run.Processed, Math.Max(job?.Done ?? 0, live ?? 0)) : run.Processed;
        return new ImportStatus(run.Id, run.Entity, status, status != run.Status ? givenUp : run.Message, run.Total, Math.Min(processed, run.Total),
            run.Inserted, run.Updated, run.FailedRows, run.SkipBadRows, problems);
    }
}
