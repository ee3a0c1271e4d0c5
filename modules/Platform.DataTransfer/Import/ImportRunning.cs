using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Platform.Abstractions.Jobs;
using Platform.Records;
using Platform.Records.Files;
using Platform.Records.Importing;
using Platform.Web.Security;

namespace Platform.DataTransfer.Import;

/// <summary>
/// Runs imports as durable background jobs, on whichever host claims them: reads the uploaded file again, maps
/// and converts its rows as the person who started it (with their rights of now, in their language), and hands
/// them to the <see cref="ImportRunner"/>, which goes on where a stopped run left off. A run that cannot go on
/// for a reason no retry mends (its file is gone, its owner may no longer sign in, the entity was removed) is
/// marked failed with that reason.
/// </summary>
public sealed class ImportRunning(IServiceScopeFactory scopes, ImportProgress live, ILogger<ImportRunning> logger) : IBackgroundJobHandler
{
    public const string JobKind = "import";

    public string Kind => JobKind;

    public async Task RunAsync(BackgroundJobRun run, CancellationToken cancellationToken)
    {
        var runId = Guid.Parse(run.Subject);
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var runs = services.GetRequiredService<IImportRunStore>();
        if (await runs.FindAsync(runId, cancellationToken) is not { } import || ImportRunStates.IsFinal(import.Status))
        {
            return;
        }

        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo(import.Culture), CultureInfo.GetCultureInfo(import.Culture));
        var text = services.GetRequiredService<IStringLocalizer>();
        var records = services.GetRequiredService<IRecordStore>();
        var files = services.GetRequiredService<IFileStore>();
        if (await services.GetRequiredService<IActorDirectory>().FindAsync(import.StartedBy, cancellationToken) is not { } actor)
        {
            await runs.FinishAsync(runId, ImportRunStates.Failed, text["DataTransfer.Import.Error.StarterGone"], cancellationToken);
            return;
        }

        if (await files.FindAsync(import.FileId, cancellationToken) is not { } file)
        {
            await runs.FinishAsync(runId, ImportRunStates.Failed, text["DataTransfer.Import.Error.FileGone"], cancellationToken);
            return;
        }

        var settings = ImportSettings.FromJson(import.Settings);
        List<ImportedRow> rows;
        Core.Metadata.EntityDefinition entity;
        try
        {
            await using var reader = await records.OpenReaderAsync(import.Entity, actor, cancellationToken)
                ?? throw new ImportFileException(text["DataTransfer.Import.Error.NoSuchEntity", import.Entity]);
            ImportTable table;
            await using (var content = await files.OpenAsync(file, cancellationToken))
            {
                table = ImportFile.Read(content, file.Name, text);
            }

            var mapping = ImportMapping.For(reader.Entity, table.Headings, settings.Mapping, text, reader.Fields);
            rows = await ImportRows.ConvertAsync(table, mapping, new LookupResolver(reader, text), null, text, cancellationToken);
            entity = reader.Entity;
        }
        catch (ImportFileException e)
        {
            await runs.FinishAsync(runId, ImportRunStates.Failed, e.Message, cancellationToken);
            return;
        }

        // All or nothing on SQLite holds the only write lock for the whole run: its progress is told on this host only.
        var tellOthers = settings.SkipBadRows || !runs.WritersWaitForEachOther;
        if (run.Attempt > 1)
        {
            logger.LogInformation("Import {Run} of {Entity} taken up again (attempt {Attempt}) after {Processed} of {Total} rows.", runId, import.Entity, run.Attempt, import.Processed, import.Total);
        }

        try
        {
            await new ImportRunner(records, runs, actor, text).RunAsync(import, entity, rows, settings, async done =>
            {
                live.Set(runId, done);
                if (tellOthers)
                {
                    await run.ReportAsync(done, rows.Count, cancellationToken);
                }
            }, cancellationToken);
        }
        finally
        {
            live.Forget(runId);
        }
    }
}
