using Microsoft.Extensions.Configuration;

namespace Platform.DataTransfer.Export;

/// <summary>
/// When an export is written in the background (<c>Platform:Exports:DirectRows</c>): a list of up to that many rows downloads
/// at once; a longer one is written by whichever host takes the job, survives that host stopping, and waits for its owner
/// under the bell and on the exports page for as long as the file store keeps unattached files (<c>Platform:Files:OrphanGrace</c>).
/// </summary>
public sealed class ExportSettings
{
    public int DirectRows { get; init; } = 10_000;

    public TimeSpan Kept { get; init; } = TimeSpan.FromHours(24);

    public static ExportSettings Read(IConfiguration configuration)
    {
        var direct = configuration.GetValue("Platform:Exports:DirectRows", 10_000);
        if (direct < 0)
        {
            throw new InvalidOperationException($"Platform:Exports:DirectRows is {direct}; it must be 0 (every export in the background) or more.");
        }

        return new ExportSettings { DirectRows = direct, Kept = configuration.GetValue("Platform:Files:OrphanGrace", TimeSpan.FromHours(24)) };
    }
}
