namespace Platform.Abstractions.Jobs;

/// <summary>Where a job stands: <see cref="BackgroundJobStates"/>; its progress, and why it failed.</summary>
public sealed record BackgroundJobStatus(Guid Id, string Kind, string Subject, string State, int Done, int Total, int Attempts, string? Error, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

/// <summary>The states of a job.</summary>
public static class BackgroundJobStates
{
    public const string Queued = "queued";

    public const string Running = "running";

    public const string Done = "done";

    public const string Failed = "failed";
}
