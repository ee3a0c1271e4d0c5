namespace Platform.Data.Jobs;

/// <summary>A job's row: what it is, its state and progress, and which host holds it until when.</summary>
public sealed class BackgroundJob
{
    public Guid Id { get; set; }

    public string Kind { get; set; } = "";

    public string Subject { get; set; } = "";

    public string State { get; set; } = Abstractions.Jobs.BackgroundJobStates.Queued;

    public int Done { get; set; }

    public int Total { get; set; }

    /// <summary>How many times a host took it up.</summary>
    public int Attempts { get; set; }

    /// <summary>Not to be taken up before (Unix milliseconds): a failed run waits a little before its retry.</summary>
    public long NotBefore { get; set; }

    /// <summary>The host holding the job while it runs.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when (Unix milliseconds) the holder's claim stands; after that any host may take the job.</summary>
    public long LeaseUntil { get; set; }

    public string? Error { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
