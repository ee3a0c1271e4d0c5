namespace Platform.Records.Importing;

/// <summary>
/// One import of a spreadsheet into an entity, kept in the database so that any host can show how far it is
/// and take it up again when the host running it stops: what to import (the uploaded file, the settings, who
/// asked and in which language), how far it got, and the counts so far.
/// </summary>
public sealed class ImportRun
{
    public Guid Id { get; set; }

    public string Entity { get; set; } = "";

    /// <summary>The uploaded spreadsheet.</summary>
    public Guid FileId { get; set; }

    /// <summary>The mapping, key, mode and what to do with bad rows, as JSON.</summary>
    public string Settings { get; set; } = "{}";

    public string StartedBy { get; set; } = "";

    /// <summary>The language of the person who started it: messages about rows are written in it.</summary>
    public string Culture { get; set; } = "";

    /// <summary><see cref="ImportRunStates"/>.</summary>
    public string Status { get; set; } = ImportRunStates.Running;

    public string? Message { get; set; }

    public bool SkipBadRows { get; set; }

    /// <summary>Rows in the file.</summary>
    public int Total { get; set; }

    /// <summary>Rows dealt with and committed (kept or refused); a run taken up again starts after them.</summary>
    public int Processed { get; set; }

    public int Inserted { get; set; }

    public int Updated { get; set; }

    /// <summary>Rows with at least one problem.</summary>
    public int FailedRows { get; set; }

    /// <summary>The background job that runs it.</summary>
    public Guid JobId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>The states of an import.</summary>
public static class ImportRunStates
{
    public const string Running = "running";

    /// <summary>Done: every good row is kept (all of them, or all but the refused ones when bad rows are skipped).</summary>
    public const string Completed = "completed";

    /// <summary>All or nothing, and some row was refused: nothing is kept.</summary>
    public const string RolledBack = "rolledBack";

    /// <summary>Stopped by something other than its rows (its file is gone, its owner may no longer sign in); <see cref="ImportRun.Message"/> says what.</summary>
    public const string Failed = "failed";

    public static bool IsFinal(string status) => status is Completed or RolledBack or Failed;
}
