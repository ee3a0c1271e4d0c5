using Platform.Records.Query.Spreadsheets;
using System.Globalization;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Records;

namespace Platform.DataTransfer.Import;

/// <summary>
/// Writes the rows of an import: finds existing records by the key (one field or several, e.g.
/// code + name + spec), creates new ones in batches and updates existing ones through the record
/// service (so checks, rules, permissions and audit apply). All-or-nothing runs everything in one
/// transaction and rolls it back when any row fails, after checking every row, so the error report is
/// complete; skipping bad rows keeps every good one.
/// </summary>
public sealed class ImportRunner(IRecordStore records, Actor actor, Microsoft.Extensions.Localization.IStringLocalizer localizer)
{
    private const int Batch = 1000;

    public async Task RunAsync(ImportJob job, EntityDefinition entity, IReadOnlyList<ImportedRow> rows, IReadOnlyList<string> key, ImportMode mode, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(job, entity, rows, key, mode, cancellationToken);
        await using var transaction = job.SkipBadRows ? null : await records.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in plan.Inserts.Chunk(Batch))
        {
            await InsertAsync(job, entity, chunk, cancellationToken);
        }

        foreach (var chunk in plan.Updates.Chunk(Batch))
        {
            foreach (var (row, id, version) in chunk)
            {
                var result = await records.UpdateAsync(entity.Name, id, version, row.Values, actor, cancellationToken);
                if (result.Succeeded)
                {
                    job.Updated++;
                }
                else
                {
                    job.Fail(result.Errors.Select(e => new ImportError(row.Number, null, e.Field, e.Message)));
                }
            }

            job.Advance(chunk.Length);
        }

        if (transaction is null)
        {
            job.Status = "completed";
        }
        else if (job.FailedRows > 0)
        {
            await transaction.RollbackAsync();
            (job.Inserted, job.Updated, job.Status) = (0, 0, "rolledBack");
        }
        else
        {
            await transaction.CommitAsync(cancellationToken);
            job.Status = "completed";
        }
    }

    /// <summary>Creates a batch; when some rows are refused, the others are created without them (in skip mode).</summary>
    private async Task InsertAsync(ImportJob job, EntityDefinition entity, ImportedRow[] chunk, CancellationToken cancellationToken)
    {
        var pending = chunk.ToList();
        while (pending.Count > 0)
        {
            var results = await records.CreateManyAsync(entity.Name, [.. pending.Select(r => (IReadOnlyDictionary<string, object?>)r.Values)], actor, cancellationToken);
            if (results.All(r => r.Succeeded))
            {
                job.Inserted += pending.Count;
                break;
            }

            var refused = pending.Zip(results).Where(p => !p.Second.Succeeded && p.Second.Errors.Any(e => !IsBatchNotSaved(e))).ToList();
            job.Fail(refused.SelectMany(p => p.Second.Errors.Select(e => new ImportError(p.First.Number, null, e.Field, e.Message))));
            if (refused.Count == 0 || !job.SkipBadRows)
            {
                break; // nothing to tell apart, or all-or-nothing: the whole import rolls back anyway
            }

            pending = [.. pending.Except(refused.Select(p => p.First))];
        }

        job.Advance(chunk.Length);
    }

    /// <summary>The note a good row of a refused batch gets ("not saved because other rows were refused"), which is no problem of its own.</summary>
    private bool IsBatchNotSaved(RecordFieldError error) => error.Field is null && error.Message == localizer["Records.Error.BatchNotSaved"].Value;

    private sealed record Plan(List<ImportedRow> Inserts, List<(ImportedRow Row, Guid Id, int Version)> Updates);

    /// <summary>Which rows create and which update, by the key; rows with cell problems, keys repeated in the file, and rows the mode does not allow are reported.</summary>
    private async Task<Plan> PlanAsync(ImportJob job, EntityDefinition entity, IReadOnlyList<ImportedRow> rows, IReadOnlyList<string> key, ImportMode mode, CancellationToken cancellationToken)
    {
        var plan = new Plan([], []);
        var existing = key.Count == 0 ? new Dictionary<string, (Guid, int)>() : await ExistingAsync(entity, rows, key, cancellationToken);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Errors.Count > 0)
            {
                job.Fail(row.Errors);
                job.Advance(1);
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
                if (mode == ImportMode.Insert)
                {
                    problem = localizer["DataTransfer.Import.Error.Exists", KeyName(entity, key)];
                }
                else
                {
                    plan.Updates.Add((row, found.Item1, found.Item2));
                    continue;
                }
            }
            else if (mode == ImportMode.Update)
            {
                problem = localizer["DataTransfer.Import.Error.NotFound", KeyName(entity, key)];
            }

            if (problem is not null)
            {
                job.Fail([new ImportError(row.Number, null, null, problem)]);
                job.Advance(1);
                continue;
            }

            plan.Inserts.Add(row);
        }

        return plan;
    }

    /// <summary>The existing records by key (first key field in the database, the others compared here).</summary>
    private async Task<Dictionary<string, (Guid, int)>> ExistingAsync(EntityDefinition entity, IReadOnlyList<ImportedRow> rows, IReadOnlyList<string> key, CancellationToken cancellationToken)
    {
        await using var reader = (await records.OpenReaderAsync(entity.Name, actor, cancellationToken))!;
        var first = key[0];
        var wanted = rows.Select(r => Text(r.Values.GetValueOrDefault(first))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, (Guid, int)>(StringComparer.Ordinal);
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
