using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Jobs;
using Platform.Core.Security;
using Platform.Records.Exporting;
using Platform.Records.Files;

namespace Platform.DataTransfer.Export;

/// <summary>
/// Exports written in the background, for the API and the pages alike: checks a request with its source and queues it as a
/// durable job (any host writes it, and takes it up again when the host writing it stops); tells its owner how it stands.
/// Throws <see cref="ExportRefusedException"/> with the reason for anything the person must change.
/// </summary>
public sealed class ExportService(IEnumerable<IExportSource> sources, IExportRunStore runs, IBackgroundJobs jobs, IFileStore files, ExportSettings settings,
    IStringLocalizer text, TimeProvider clock) : IBackgroundExports
{
    public static readonly IReadOnlyList<string> Formats = ["xlsx", "csv"];

    public int DirectRows => settings.DirectRows;

    /// <summary>Checks the request as <paramref name="actor"/> and queues it; answers how it stands.</summary>
    public async Task<ExportStatus> StartAsync(ExportRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var format = request.Format.ToLowerInvariant();
        if (!Formats.Contains(format))
        {
            throw new ExportRefusedException(text["DataTransfer.Export.Error.Format", request.Format]);
        }

        var source = sources.FirstOrDefault(s => s.Name == request.Source)
            ?? throw new ExportRefusedException(text["DataTransfer.Export.Error.Source", request.Source, string.Join(", ", sources.Select(s => s.Name))]);
        var culture = CultureInfo.CurrentUICulture;
        var plan = await source.PlanAsync(request with { Format = format }, actor, culture, cancellationToken);
        var run = new ExportRun
        {
            Id = Guid.CreateVersion7(), Source = source.Name, Subject = request.Subject, Options = JsonSerializer.Serialize(request.Options), Format = format,
            Title = plan.Title.Length > 200 ? plan.Title[..200] : plan.Title, StartedBy = actor.UserId, Culture = culture.Name, Total = plan.Rows,
            CreatedAt = clock.GetUtcNow(),
        };
        run.JobId = jobs.Queue(ExportRunning.JobKind, run.Id.ToString(), actor.UserId);
        runs.Add(run);
        await runs.SaveAsync(cancellationToken); // the run and its job in one commit
        return ExportStatus.Of(run, null, settings.Kept, false, "");
    }

    async Task<Guid> IBackgroundExports.StartAsync(ExportRequest request, Actor actor, CancellationToken cancellationToken) =>
        (await StartAsync(request, actor, cancellationToken)).Id;

    /// <summary>An export <paramref name="userId"/> asked for, as it stands now (from any host); null for anyone else's.</summary>
    public async Task<ExportStatus?> FindAsync(Guid id, string userId, CancellationToken cancellationToken = default) =>
        await runs.FindAsync(id, cancellationToken) is { } run && run.StartedBy == userId ? await StatusAsync(run, cancellationToken) : null;

    /// <summary>The newest exports <paramref name="userId"/> asked for.</summary>
    public async Task<IReadOnlyList<ExportStatus>> LatestAsync(string userId, int take = 50, CancellationToken cancellationToken = default)
    {
        var statuses = new List<ExportStatus>();
        foreach (var run in await runs.LatestAsync(userId, take, cancellationToken))
        {
            statuses.Add(await StatusAsync(run, cancellationToken));
        }

        return statuses;
    }

    /// <summary>The finished file of an export <paramref name="userId"/> asked for; null when there is none (not theirs, not finished, or expired).</summary>
    public async Task<(ExportRun Run, StoredFile File)?> FileAsync(Guid id, string userId, CancellationToken cancellationToken = default) =>
        await runs.FindAsync(id, cancellationToken) is { StartedBy: var owner, FileId: { } fileId } run && owner == userId
            && await files.FindAsync(fileId, cancellationToken) is { } file
            ? (run, file)
            : null;

    private async Task<ExportStatus> StatusAsync(ExportRun run, CancellationToken cancellationToken)
    {
        var job = ExportRunStates.IsFinal(run.Status) ? null : await jobs.FindAsync(run.JobId, cancellationToken);
        var fileThere = run.FileId is { } fileId && await files.FindAsync(fileId, cancellationToken) is not null;
        return ExportStatus.Of(run, job, settings.Kept, fileThere, text["DataTransfer.Export.Error.Stopped"]);
    }
}
