using Microsoft.Extensions.Configuration;

namespace Platform.Web.Jobs;

/// <summary>
/// How this host runs background jobs (<c>Platform:Jobs</c>): how many at once, how long a claim holds
/// without renewal (a host that died frees its jobs after this), how often the queue is read, and how
/// many times a job is taken up before it is given up.
/// </summary>
public sealed class BackgroundJobSettings
{
    /// <summary>Jobs run at once on this host; 0 runs none here (a node that only serves pages).</summary>
    public int Slots { get; init; } = 2;

    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public int MostAttempts { get; init; } = 5;

    public static BackgroundJobSettings Read(IConfiguration configuration) =>
        configuration.GetSection("Platform:Jobs").Get<BackgroundJobSettings>() ?? new BackgroundJobSettings();
}
