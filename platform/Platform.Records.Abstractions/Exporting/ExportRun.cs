namespace Platform.Records.Exporting;

/// <summary>
/// One export written in the background (a list too long to download while one waits, or a report), kept in the database so
/// that any host can show how far it is, take it up again when the host writing it stops, and hand the finished file to the
/// person who asked for it.
/// </summary>
public sealed class ExportRun
{
    public Guid Id { get; set; }

    /// <summary>What writes it: <c>records</c> (a list), <c>report</c> (a saved report) — an <see cref="IExportSource"/>.</summary>
    public string Source { get; set; } = "";

    /// <summary>What it exports: the entity's name, the report's id.</summary>
    public string Subject { get; set; } = "";

    /// <summary>What the source reads it with (a list's filter, order and columns; a report's period), as JSON.</summary>
    public string Options { get; set; } = "{}";

    /// <summary><c>xlsx</c> or <c>csv</c>.</summary>
    public string Format { get; set; } = "xlsx";

    /// <summary>What the person sees it as in their list of exports and under the bell (the list's or the report's name).</summary>
    public string Title { get; set; } = "";

    public string StartedBy { get; set; } = "";

    /// <summary>The language of the person who asked: headings and values are written in it.</summary>
    public string Culture { get; set; } = "";

    /// <summary><see cref="ExportRunStates"/>.</summary>
    public string Status { get; set; } = ExportRunStates.Waiting;

    /// <summary>Why it failed, in the person's language.</summary>
    public string? Message { get; set; }

    /// <summary>Rows the query selected when it was asked for (how far it is, is the job's progress).</summary>
    public long Total { get; set; }

    /// <summary>Rows written in the finished file.</summary>
    public long Rows { get; set; }

    /// <summary>The finished file in the file store (kept for the file store's grace period, then removed like any unattached upload).</summary>
    public Guid? FileId { get; set; }

    /// <summary>The background job that writes it.</summary>
    public Guid JobId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>The states of an export.</summary>
public static class ExportRunStates
{
    /// <summary>Queued or being written (the job says which, and how far).</summary>
    public const string Waiting = "waiting";

    public const string Completed = "completed";

    /// <summary>Stopped for a reason no retry mends (the person may no longer sign in, the list or report is gone); <see cref="ExportRun.Message"/> says what.</summary>
    public const string Failed = "failed";

    public static bool IsFinal(string status) => status is Completed or Failed;
}
