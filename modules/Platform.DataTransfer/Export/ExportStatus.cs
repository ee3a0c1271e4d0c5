using Platform.Abstractions.Jobs;
using Platform.Records.Exporting;

namespace Platform.DataTransfer.Export;

/// <summary>
/// An export as its owner follows it: waiting, running (rows written of the rows selected), completed (with the file to
/// download until it expires) or failed (with the reason).
/// </summary>
public sealed record ExportStatus(Guid Id, string Title, string Format, string State, long Done, long Total, long Rows, string? Message,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, DateTimeOffset? KeptUntil, string? Download)
{
    public const string Queued = "queued";

    public const string Running = "running";

    public static ExportStatus Of(ExportRun run, BackgroundJobStatus? job, TimeSpan kept, bool fileThere, string stopped) => run.Status switch
    {
        // The job gave up on an error no retry mended: the run never heard of it.
        ExportRunStates.Waiting when job?.State == BackgroundJobStates.Failed =>
            new(run.Id, run.Title, run.Format, ExportRunStates.Failed, 0, run.Total, 0, stopped, run.CreatedAt, job.FinishedAt, null, null),
        ExportRunStates.Completed => new(run.Id, run.Title, run.Format, run.Status, run.Rows, run.Rows, run.Rows, null, run.CreatedAt, run.FinishedAt,
            run.FinishedAt + kept, fileThere ? $"/api/exports/{run.Id}/file" : null),
        ExportRunStates.Failed => new(run.Id, run.Title, run.Format, run.Status, 0, run.Total, 0, run.Message, run.CreatedAt, run.FinishedAt, null, null),
        _ => new(run.Id, run.Title, run.Format, job?.State == BackgroundJobStates.Running ? Running : Queued, job?.Done ?? 0, run.Total, 0, null,
            run.CreatedAt, null, null, null),
    };

    public bool Expired => State == ExportRunStates.Completed && Download is null;
}
