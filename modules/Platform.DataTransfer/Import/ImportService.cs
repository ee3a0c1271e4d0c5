using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Jobs;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.Duplicates;
using Platform.Records.Files;
using Platform.Records.Importing;

namespace Platform.DataTransfer.Import;

/// <summary>What a preview shows: the mapping, required fields no column fills, warnings, and the first rows with their problems and likely duplicates.</summary>
public sealed record ImportPreview(int TotalRows, ImportMapping Mapping, IReadOnlyList<string> Warnings, IReadOnlyList<ImportedRow> Rows);

/// <summary>
/// Imports for the API and the import page alike: preview an uploaded file, then start the import as
/// a durable background job that reports progress. Throws <see cref="ImportFileException"/> with the reason
/// for anything the person must fix (the file, the mapping, the key).
/// </summary>
public sealed class ImportService(IRecordStore records, IFileStore files, IImportRunStore runs, IBackgroundJobs jobs, ImportProgress live, IStringLocalizer text, IDuplicateFinder duplicates, TimeProvider clock)
{
    public const int PreviewRows = 20;

    public async Task<ImportPreview> PreviewAsync(string entity, StoredFile file, IReadOnlyDictionary<string, string>? given, Actor actor, CancellationToken cancellationToken)
    {
        await using var reader = await OpenAsync(entity, actor, cancellationToken);
        var table = await ReadAsync(file, cancellationToken);
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

    /// <summary>
    /// Reads and checks the file and the settings, then queues the import as a background job (any host may run it, and
    /// take it up again when the host running it stops); answers its state to follow with <see cref="FindAsync"/>.
    /// </summary>
    public async Task<ImportStatus> StartAsync(string entity, StoredFile file, ImportSettings settings, Actor actor, CancellationToken cancellationToken)
    {
        await using var reader = await OpenAsync(entity, actor, cancellationToken);
        var table = await ReadAsync(file, cancellationToken);
        var mapping = ImportMapping.For(reader.Entity, table.Headings, settings.Mapping, text, reader.Fields);
        if (KeyProblem(reader.Entity, mapping, settings.Key, settings.Mode) is { } problem)
        {
            throw new ImportFileException(problem);
        }

        var run = new ImportRun
        {
            Id = Guid.CreateVersion7(), Entity = reader.Entity.Name, FileId = file.Id, Settings = settings.ToJson(), StartedBy = actor.UserId,
            Culture = CultureInfo.CurrentUICulture.Name, SkipBadRows = settings.SkipBadRows, Total = table.Rows.Count, CreatedAt = clock.GetUtcNow(),
        };
        run.JobId = jobs.Queue(ImportRunning.JobKind, run.Id.ToString(), actor.UserId);
        runs.Add(run);
        await runs.SaveAsync(cancellationToken); // the run and its job in one commit
        return ImportStatus.Of(run, null, live.Find(run.Id), []);
    }

    /// <summary>An import started by <paramref name="userId"/>, as it stands now (from any host), with its first <paramref name="problems"/> problems; null for anyone else's.</summary>
    public async Task<ImportStatus?> FindAsync(Guid id, string userId, int problems = 200, CancellationToken cancellationToken = default)
    {
        if (await runs.FindAsync(id, cancellationToken) is not { } run || run.StartedBy != userId)
        {
            return null;
        }

        var job = ImportRunStates.IsFinal(run.Status) ? null : await jobs.FindAsync(run.JobId, cancellationToken);
        return ImportStatus.Of(run, job, live.Find(run.Id), await runs.ProblemsAsync(id, problems, cancellationToken), text["DataTransfer.Import.Error.Stopped"]);
    }

    private async Task<IRecordReader> OpenAsync(string entity, Actor actor, CancellationToken cancellationToken) =>
        await records.OpenReaderAsync(entity, actor, cancellationToken) ?? throw new ImportFileException(text["DataTransfer.Import.Error.NoSuchEntity", entity]) { NoSuchEntity = true };

    private async Task<ImportTable> ReadAsync(StoredFile stored, CancellationToken cancellationToken)
    {
        await using var content = await files.OpenAsync(stored, cancellationToken);
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
