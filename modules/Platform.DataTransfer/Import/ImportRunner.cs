using Platform.Records.Query.Spreadsheets;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.Importing;

namespace Platform.DataTransfer.Import;

/// <summary>
/// Writes the rows of an import in chunks of <see cref="Batch"/>, in file order: finds existing records by the key
/// (one field or several, e.g. code + name + spec), creates new ones in batches and updates existing ones through
/// the record service (so checks, rules, permissions and audit apply).
/// <list type="bullet">
/// <item>Skipping bad rows commits each chunk with the note of how far the run is, so a run taken up again after its
/// host stopped goes on after the last committed chunk: no row is written twice and none is lost.</item>
/// <item>All or nothing runs every chunk in one transaction, checks every row so the problem report is complete, and
/// rolls it all back when any row fails; its "completed" is committed with the rows, so a run taken up again
/// either finds it finished or starts from the first row on a database that holds none of it.</item>
/// </list>
/// Each commit is fenced: it holds only if the run is still where this run left it, so two runs of one import (a host
/// that stalled past its lease and the one that took over) never both keep a chunk.
/// </summary>
public sealed class ImportRunner(IRecordStore records, IImportRunStore runs, Actor actor, IStringLocalizer localizer)
{
    public const int Batch = 1000;

    /// <summary>Runs (or goes on with) <paramref name="run"/>; <paramref name="progress"/> hears the rows dealt with after each chunk.</summary>
    public async Task RunAsync(ImportRun run, EntityDefinition entity, IReadOnlyList<ImportedRow> rows, ImportSettings settings, Func<int, Task> progress, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (settings.SkipBadRows)
        {
            var counts = new ImportCounts(run.Processed, run.Inserted, run.Updated, run.FailedRows);
            foreach (var row in rows.Take(run.Processed))
            {
                NoteKey(row, settings.Key, seen); // a key repeated after the rows done is still a repeat
            }

            foreach (var chunk in rows.Skip(run.Processed).Chunk(Batch))
            {
                await using var transaction = await records.BeginTransactionAsync(cancellationToken);
                var tally = await ChunkAsync(entity, chunk, settings, seen, cancellationToken);
                var before = counts.Processed;
                counts = tally.After(counts, chunk.Length);
                if (!await runs.RecordAsync(run.Id, before, counts, tally.Problems, cancellationToken))
                {
                    throw new ImportTakenUpElsewhereException(run.Id); // the chunk is undone with the transaction
                }

                await transaction.CommitAsync(cancellationToken);
                tally.Count();
                await progress(counts.Processed);
            }

            await runs.FinishAsync(run.Id, ImportRunStates.Completed, null, cancellationToken);
            return;
        }

        await runs.ForgetProblemsAsync(run.Id, cancellationToken); // of an attempt that did not finish
        var all = new ImportCounts(0, 0, 0, 0);
        var problems = new List<ImportProblem>();
        await using (var transaction = await records.BeginTransactionAsync(cancellationToken))
        {
            foreach (var chunk in rows.Chunk(Batch))
            {
                var tally = await ChunkAsync(entity, chunk, settings, seen, cancellationToken);
                all = tally.After(all, chunk.Length);
                problems.AddRange(tally.Problems);
                await progress(all.Processed);
            }

            if (all.FailedRows == 0)
            {
                if (!await runs.RecordAsync(run.Id, 0, all, [], cancellationToken))
                {
                    throw new ImportTakenUpElsewhereException(run.Id);
                }

                await runs.FinishAsync(run.Id, ImportRunStates.Completed, null, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                new ImportTally { Inserted = all.Inserted, Updated = all.Updated }.Count();
                return;
            }

            await transaction.RollbackAsync();
        }

        await using var report = await records.BeginTransactionAsync(cancellationToken);
        if (await runs.RecordAsync(run.Id, 0, all with { Inserted = 0, Updated = 0 }, problems, cancellationToken))
        {
            await runs.FinishAsync(run.Id, ImportRunStates.RolledBack, null, cancellationToken);
            await report.CommitAsync(cancellationToken);
            Platform.Abstractions.Telemetry.PlatformTelemetry.ImportRows.Add(all.FailedRows, new KeyValuePair<string, object?>("outcome", "refused"));
        }
    }

    private async Task<ImportTally> ChunkAsync(EntityDefinition entity, ImportedRow[] chunk, ImportSettings settings, Dictionary<string, int> seen, CancellationToken cancellationToken)
    {
        var tally = new ImportTally();
        var (inserts, updates) = await PlanAsync(tally, entity, chunk, settings, seen, cancellationToken);
        await InsertAsync(tally, entity, inserts, settings.SkipBadRows, cancellationToken);
        foreach (var (row, id, version) in updates)
        {
            var result = await records.UpdateAsync(entity.Name, id, version, row.Values, actor, cancellationToken);
            if (result.Succeeded)
            {
                tally.Updated++;
            }
            else
            {
                tally.Fail(result.Errors.Select(e => new ImportError(row.Number, null, e.Field, e.Message)));
            }
        }

        return tally;
    }

    /// <summary>Creates a batch; when some rows are refused, the others are created without them (in skip mode).</summary>
    private async Task InsertAsync(ImportTally tally, EntityDefinition entity, List<ImportedRow> rows, bool skipBadRows, CancellationToken cancellationToken)
    {
        var pending = rows;
        while (pending.Count > 0)
        {
            var results = await records.CreateManyAsync(entity.Name, [.. pending.Select(r => (IReadOnlyDictionary<string, object?>)r.Values)], actor, cancellationToken);
            if (results.All(r => r.Succeeded))
            {
                tally.Inserted += pending.Count;
                return;
            }

            var refused = pending.Zip(results).Where(p => !p.Second.Succeeded && p.Second.Errors.Any(e => !IsBatchNotSaved(e))).ToList();
            tally.Fail(refused.SelectMany(p => p.Second.Errors.Select(e => new ImportError(p.First.Number, null, e.Field, e.Message))));
            if (refused.Count == 0 || !skipBadRows)
            {
                return; // nothing to tell apart, or all-or-nothing: the whole import rolls back anyway
            }

            pending = [.. pending.Except(refused.Select(p => p.First))];
        }
    }

    /// <summary>The note a good row of a refused batch gets ("not saved because other rows were refused"), which is no problem of its own.</summary>
    private bool IsBatchNotSaved(RecordFieldError error) => error.Field is null && error.Message == localizer["Records.Error.BatchNotSaved"].Value;

    /// <summary>Which rows create and which update, by the key; rows with cell problems, keys repeated in the file, and rows the mode does not allow are refused.</summary>
    private async Task<(List<ImportedRow> Inserts, List<(ImportedRow Row, Guid Id, int Version)> Updates)> PlanAsync(
        ImportTally tally, EntityDefinition entity, ImportedRow[] rows, ImportSettings settings, Dictionary<string, int> seen, CancellationToken cancellationToken)
    {
        var key = settings.Key;
        var inserts = new List<ImportedRow>();
        var updates = new List<(ImportedRow, Guid, int)>();
        var existing = key.Count == 0 ? [] : await ExistingAsync(entity, rows, key, cancellationToken);
        foreach (var row in rows)
        {
            if (row.Errors.Count > 0)
            {
                tally.Fail(row.Errors);
                continue;
            }

            var keyText = key.Count == 0 ? null : KeyOf(row.Values, key);
            string? problem = null;
            if (keyText is not null && key.Any(k => row.Values.GetValueOrDefault(k) is null))
            {
                problem = localizer["DataTransfer.Import.Error.EmptyKey", KeyName(entity, key)];
            }
            else if (keyText is not null && !seen.TryAdd(keyText, row.Number))
            {
                problem = localizer["DataTransfer.Import.Error.RepeatedKey", seen[keyText], KeyName(entity, key)];
            }
            else if (keyText is not null && existing.TryGetValue(keyText, out var found))
            {
                if (settings.Mode == ImportMode.Insert)
                {
                    problem = localizer["DataTransfer.Import.Error.Exists", KeyName(entity, key)];
                }
                else
                {
                    updates.Add((row, found.Item1, found.Item2));
                    continue;
                }
            }
            else if (settings.Mode == ImportMode.Update)
            {
                problem = localizer["DataTransfer.Import.Error.NotFound", KeyName(entity, key)];
            }

            if (problem is not null)
            {
                tally.Fail([new ImportError(row.Number, null, null, problem)]);
                continue;
            }

            inserts.Add(row);
        }

        return (inserts, updates);
    }

    /// <summary>Remembers a row's key as the plan would, for rows dealt with before the run was taken up again.</summary>
    private static void NoteKey(ImportedRow row, IReadOnlyList<string> key, Dictionary<string, int> seen)
    {
        if (key.Count > 0 && row.Errors.Count == 0 && key.All(k => row.Values.GetValueOrDefault(k) is not null))
        {
            seen.TryAdd(KeyOf(row.Values, key), row.Number);
        }
    }

    /// <summary>The existing records by key (first key field in the database, the others compared here).</summary>
    private async Task<Dictionary<string, (Guid, int)>> ExistingAsync(EntityDefinition entity, IReadOnlyList<ImportedRow> rows, IReadOnlyList<string> key, CancellationToken cancellationToken)
    {
        await using var reader = (await records.OpenReaderAsync(entity.Name, actor, cancellationToken))!;
        var first = key[0];
        var wanted = rows.Select(r => Text(r.Values.GetValueOrDefault(first))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, (Guid, int)>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return found;
        }

        foreach (var record in await reader.FindByAsync(entity, first, wanted, cancellationToken))
        {
            found.TryAdd(KeyOf(record, key), ((Guid)record[SystemFields.Id]!, Convert.ToInt32(record[SystemFields.RowVersion], CultureInfo.InvariantCulture)));
        }

        return found;
    }

    private static string KeyOf(IReadOnlyDictionary<string, object?> values, IReadOnlyList<string> key) =>
        string.Join("\u001f", key.Select(k => Text(values.GetValueOrDefault(k)) ?? ""));

    /// <summary>The key's fields as the reader calls them, joined by +.</summary>
    private static string KeyName(EntityDefinition entity, IReadOnlyList<string> key) =>
        string.Join(" + ", key.Select(k => entity.LiveField(k) is { Label.IsBlank: false } f ? f.Label.For(CultureInfo.CurrentUICulture.Name) : k));

    private static string? Text(object? value) => value is null ? null : PlainText.Of(value).Trim();
}
