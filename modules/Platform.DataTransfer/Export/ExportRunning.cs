using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Platform.Abstractions.Jobs;
using Platform.Core.Metadata;
using Platform.Records.Exporting;
using Platform.Records.Files;
using Platform.Records.Notifications;
using Platform.Web.Localization;
using Platform.Web.Security;

namespace Platform.DataTransfer.Export;

/// <summary>
/// Writes exports as durable background jobs, on whichever host claims them: as the person who asked (with their rights of
/// now, in their language), into a temporary file, then into the file store; the run is marked completed and its owner told
/// under the bell. A run cut off by a host stopping is simply written again from the start by the host that takes it up. A
/// run that cannot be written for a reason no retry mends (its owner may no longer sign in, the list or report is gone, its
/// filter no longer reads) is marked failed with that reason, and its owner told so.
/// </summary>
public sealed class ExportRunning(IServiceScopeFactory scopes, ILogger<ExportRunning> logger) : IBackgroundJobHandler
{
    public const string JobKind = "export";

    /// <summary>The largest file an export may write (a million rows of a wide list stay well below).</summary>
    private const long MostBytes = 4L * 1024 * 1024 * 1024;

    public string Kind => JobKind;

    public async Task RunAsync(BackgroundJobRun run, CancellationToken cancellationToken)
    {
        var runId = Guid.Parse(run.Subject);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var runs = services.GetRequiredService<IExportRunStore>();
        if (await runs.FindAsync(runId, cancellationToken) is not { } export || ExportRunStates.IsFinal(export.Status))
        {
            return;
        }

        var culture = CultureInfo.GetCultureInfo(export.Culture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        var text = services.GetRequiredService<IStringLocalizer>();
        var notices = services.GetRequiredService<INotificationCentre>();
        if (await services.GetRequiredService<IActorDirectory>().FindAsync(export.StartedBy, cancellationToken) is not { } actor)
        {
            await runs.FailAsync(runId, text["DataTransfer.Export.Error.StarterGone"], cancellationToken);
            return;
        }

        if (services.GetServices<IExportSource>().FirstOrDefault(s => s.Name == export.Source) is not { } source)
        {
            await FailAsync(text["DataTransfer.Export.Error.Source", export.Source, ""]);
            return;
        }

        if (run.Attempt > 1)
        {
            logger.LogInformation("Export {Run} of {Source} {Subject} written again (attempt {Attempt}).", runId, export.Source, export.Subject, run.Attempt);
        }

        var request = new ExportRequest(export.Source, export.Subject, JsonSerializer.Deserialize<Dictionary<string, string>>(export.Options) ?? [], export.Format);
        var total = (int)Math.Min(export.Total, int.MaxValue);
        await using var written = new FileStream(Path.Combine(Path.GetTempPath(), $"platform-export-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        long rows;
        try
        {
            rows = await source.WriteAsync(request, actor, culture, written, done => run.ReportAsync((int)Math.Min(done, int.MaxValue), Math.Max(total, (int)Math.Min(done, int.MaxValue)), cancellationToken), cancellationToken);
        }
        catch (ExportRefusedException refused)
        {
            await FailAsync(refused.Message);
            return;
        }

        written.Position = 0;
        var name = $"{export.Title}-{export.CreatedAt.ToOffset(TimeSpan.Zero):yyyyMMdd-HHmm}.{export.Format}";
        var type = export.Format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var file = await services.GetRequiredService<IFileStore>().SaveAsync(written, name, type, export.StartedBy, MostBytes, cancellationToken)
            ?? throw new InvalidOperationException($"Export {runId} wrote {written.Length} bytes, which the file store did not keep.");
        if (await runs.CompleteAsync(runId, rows, file.Id, cancellationToken))
        {
            await notices.SendAsync([export.StartedBy], new NotificationMessage("export", InEveryLanguage(text, "DataTransfer.Export.Notice.Done", export.Title, rows), "/exports"), cancellationToken);
        }

        async Task FailAsync(string reason)
        {
            await runs.FailAsync(runId, reason, cancellationToken);
            await notices.SendAsync([export.StartedBy], new NotificationMessage("export", InEveryLanguage(text, "DataTransfer.Export.Notice.Failed", export.Title, reason), "/exports"), cancellationToken);
        }
    }

    /// <summary>A notice's text in every language the platform speaks, so its reader reads their own whatever they switch to.</summary>
    private static LocalizedText InEveryLanguage(IStringLocalizer text, string key, params object[] arguments)
    {
        var saved = CultureInfo.CurrentUICulture;
        var said = new LocalizedText();
        try
        {
            foreach (var culture in PlatformCultures.Supported)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                said[culture] = text[key, arguments].Value;
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }

        return said;
    }
}
