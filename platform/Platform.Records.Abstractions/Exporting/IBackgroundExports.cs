using Platform.Core.Security;

namespace Platform.Records.Exporting;

/// <summary>
/// Exports too long to download while one waits, written in the background by whichever host takes them: what a list page or
/// a report page hands its export to when it holds more than <see cref="DirectRows"/> rows. The finished file waits for its
/// owner on the exports page (<c>/exports</c>), and the bell tells them.
/// </summary>
public interface IBackgroundExports
{
    /// <summary>The most rows an export may have to download at once; a longer one goes to the background.</summary>
    int DirectRows { get; }

    /// <summary>Checks the request as <paramref name="actor"/> and queues it; answers its id. Throws <see cref="ExportRefusedException"/> with the reason.</summary>
    Task<Guid> StartAsync(ExportRequest request, Actor actor, CancellationToken cancellationToken = default);
}
