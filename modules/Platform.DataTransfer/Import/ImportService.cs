using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.Duplicates;
using Platform.Records.Files;

namespace Platform.DataTransfer.Import;

/// <summary>What a preview shows: the mapping, required fields no column fills, warnings, and the first rows with their problems and likely duplicates.</summary>
public sealed record ImportPreview(int TotalRows, ImportMapping Mapping, IReadOnlyList<string> Warnings, IReadOnlyList<ImportedRow> Rows);

/// <summary>
/// Imports for the API and the import page alike: preview an uploaded file, then start the import as
/// a background job that reports progress. Throws <see cref="ImportFileException"/> with the reason
/// for anything the person must fix (the file, the mapping, the key).
/// </summary>
public sealed class ImportService(IRecordStore records, IFileStore files, ImportJobs jobs, IServiceScopeFactory scopes, IStringLocalizer text, IDuplicateFinder duplicates)
{
    public const int PreviewRows = 20;

    public async Task<ImportPreview> PreviewAsync(string entity, StoredFile file, IReadOnlyDictionary<string, string>? given, Actor actor, CancellationToken cancellationToken)
    {
        await using var reader = await OpenAsync(entity, actor, cancellationToken);
        var table = Read(file);
        var mapping = ImportMapping.For(reader.Entity, table.Headings, given, text, reader.Fields);
        var rows = await ImportRows.ConvertAsync(table, mapping, new LookupResolver(reader, text), PreviewRows, text, cancellationToken);
        foreach (var row in rows.Where(r => r.Errors.Count == 0))
        {
            // The record service's own checks and rules (required fields, ranges, validations) for rows whose cells all read.
            var preview = await records.PreviewAsync(entity, null, row.Values, actor, cancellationToken: cancellationToken);
            row.Errors.AddRange(preview?.Errors.Select(e => new ImportError(row.Number, mapping.Columns.FirstOrDefault(c => c.Field.Name == e.Field).Heading, e.Field, e.Message)) ?? []);
        }

        await ImportDuplicates.FlagAsync(duplicates, reader.Entity, rows, mapping, actor, text, cancellationToken);
        return new ImportPreview(table.Rows.Count, mapping, table.Warnings, rows);
    }

    /// <summary>Reads and checks the whole file, then writes it in the background; answers the job to follow.</summary>
    public async Task<ImportJob> StartAsync(string entity, StoredFile file, IReadOnlyDictionary<string, string>? given, IReadOnlyList<string> key, ImportMode mode, bool skipBadRows,
        Actor actor, CancellationToken cancellationToken)
    {
        await using var reader = await OpenAsync(entity, actor, cancellationToken);
        var table = Read(file);
        var mapping = ImportMapping.For(reader.Entity, table.Headings, given, text, reader.Fields);
        if (KeyProblem(reader.Entity, mapping, key, mode) is { } problem)
        {
            throw new ImportFileException(problem);
        }

        var rows = await ImportRows.ConvertAsync(table, mapping, new LookupResolver(reader, text), null, text, cancellationToken);
        var job = jobs.Add(new ImportJob(Guid.CreateVersion7(), reader.Entity.Name, actor.UserId, rows.Count, skipBadRows));
        var definition = reader.Entity;
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        _ = Task.Run(async () =>
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            try
            {
                await new ImportRunner(services.GetRequiredService<IRecordStore>(), actor, services.GetRequiredService<IStringLocalizer>())
                    .RunAsync(job, definition, rows, key, mode, CancellationToken.None);
            }
            catch (Exception e)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.DataTransfer.Import").LogError(e, "Import {Job} of {Entity} failed.", job.Id, job.Entity);
                (job.Status, job.Message) = ("failed", text["DataTransfer.Import.Error.Stopped"]);
            }
        }, CancellationToken.None);
        return job;
    }

    private async Task<IRecordReader> OpenAsync(string entity, Actor actor, CancellationToken cancellationToken) =>
        await records.OpenReaderAsync(entity, actor, cancellationToken) ?? throw new ImportFileException(text["DataTransfer.Import.Error.NoSuchEntity", entity]) { NoSuchEntity = true };

    private ImportTable Read(StoredFile stored)
    {
        using var content = files.Open(stored);
        return ImportFile.Read(content, stored.Name, text);
    }

    /// <summary>The key must be mapped fields, its first a text (a code, a name), and update/upsert need one.</summary>
    private string? KeyProblem(Core.Metadata.EntityDefinition entity, ImportMapping mapping, IReadOnlyList<string> key, ImportMode mode)
    {
        if (key.Count == 0)
        {
            return mode == ImportMode.Insert ? null : text["DataTransfer.Import.Error.KeyNeeded"].Value;
        }

        foreach (var name in key)
        {
            if (entity.LiveField(name) is null)
            {
                return text["DataTransfer.Import.Error.KeyNotField", name, entity.Name];
            }

            if (mapping.Columns.All(c => c.Field.Name != name))
            {
                return text["DataTransfer.Import.Error.KeyNotMapped", name];
            }
        }

        return entity.LiveField(key[0])!.Kind?.IdentifiesRecords == true ? null : text["DataTransfer.Import.Error.KeyNotText", key[0]].Value;
    }
}
