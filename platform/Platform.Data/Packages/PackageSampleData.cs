using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;
using Platform.Records;

namespace Platform.Data.Packages;

/// <summary>
/// A package's sample records (<c>sample-data/*.json</c>, in file-name order), loaded on request into an app that has no records
/// yet, so a newcomer sees it working. Each file is <c>{ "entity": "customer", "records": [ … ] }</c>; a record's values are those
/// of the records API, and three forms stand for what a file cannot know: <c>"$key": "hz"</c> names a record,
/// <c>"$ref:hz"</c> is that record's id (before or after it in the files), <c>"$today"</c> / <c>"$today-3"</c> / <c>"$today+14"</c>
/// is a date counted from the day of loading. A key that is an id (as <see cref="PackageSampleExport"/> writes them) becomes the record's id. The records are saved as the loading person (their owner unless a record says
/// <c>"ownerId": null</c> — the public pool) through the record service, rules and checks included, all or none.
/// </summary>
public sealed class PackageSampleData(IRecordStore records, PlatformDbContext db, TimeProvider clock)
{
    public const string Folder = "sample-data";

    private const string KeyName = "$key";
    private const string Reference = "$ref:";
    private const string Today = "$today";

    /// <summary>Loads the samples as <paramref name="userName"/>; answers what was created by entity, or the problems (nothing written).</summary>
    public async Task<SampleDataReport> LoadAsync(IReadOnlyList<AppPackageFile> files, string userName, CancellationToken cancellationToken = default)
    {
        var mine = files.Where(f => f.Path.StartsWith(Folder + "/", StringComparison.Ordinal) && f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        if (mine.Count == 0)
        {
            return SampleDataReport.Refused($"The package has no sample data ({Folder}/*.json).");
        }

        if (await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => new { u.Id, u.DisplayName, u.DepartmentId }).SingleOrDefaultAsync(cancellationToken) is not { } person)
        {
            return SampleDataReport.Refused($"There is no user named '{userName}' to load the samples as.");
        }

        var actor = new Actor(person.Id, string.IsNullOrWhiteSpace(person.DisplayName) ? userName : person.DisplayName, person.DepartmentId);
        var (batches, problems) = Read(mine);
        if (problems.Count > 0)
        {
            return SampleDataReport.Failed(problems);
        }

        foreach (var entity in batches.Select(b => b.Entity).Distinct(StringComparer.Ordinal))
        {
            await using var reader = await records.OpenReaderAsync(entity, cancellationToken: cancellationToken);
            if (reader is null)
            {
                problems.Add($"There is no entity '{entity}': apply the package first.");
            }
            else if (await reader.Live.AnyAsync(cancellationToken))
            {
                problems.Add($"'{entity}' already has records: samples go into an app that has none, so nothing was loaded.");
            }
        }

        if (problems.Count > 0)
        {
            return SampleDataReport.Failed(problems);
        }

        // A key that is an id (an exported app's records) stays the record's id, so exporting the samples again gives the same files.
        var ids = batches.SelectMany(b => b.Records).Select(r => r.Key).OfType<string>().Distinct(StringComparer.Ordinal)
            .ToDictionary(k => k, k => Guid.TryParse(k, out var id) ? id : Guid.NewGuid(), StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.Local).DateTime);
        var created = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var transaction = await records.BeginTransactionAsync(cancellationToken);
        foreach (var (path, entity, list) in batches)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var at = $"{path}: records[{i}]";
                try
                {
                    var values = (Dictionary<string, object?>)Resolve(list[i].Values, ids, today, at)!;
                    var result = await records.CreateAsync(entity, values, actor, list[i].Key is { } key ? ids[key] : null, cancellationToken);
                    if (!result.Succeeded)
                    {
                        await transaction.RollbackAsync();
                        return SampleDataReport.Failed([.. result.Errors.Select(e => $"{at}: {(e.Field is null ? "" : e.Field + ": ")}{e.Message}")]);
                    }
                }
                catch (FormatException e)
                {
                    await transaction.RollbackAsync();
                    return SampleDataReport.Failed([e.Message]);
                }

                created[entity] = created.GetValueOrDefault(entity) + 1;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new SampleDataReport(created, []);
    }

    private sealed record SampleRecord(string? Key, JsonElement Values);

    private static (List<(string Path, string Entity, List<SampleRecord> Records)> Batches, List<string> Problems) Read(IReadOnlyList<AppPackageFile> files)
    {
        var batches = new List<(string, string, List<SampleRecord>)>();
        var problems = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                var root = JsonDocument.Parse(file.Content).RootElement.Clone();
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entity", out var entity) || entity.ValueKind != JsonValueKind.String
                    || !root.TryGetProperty("records", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{file.Path}: expected {{ \"entity\": \"…\", \"records\": [ … ] }}.");
                    continue;
                }

                var read = new List<SampleRecord>();
                foreach (var (record, i) in list.EnumerateArray().Select((r, i) => (r, i)))
                {
                    if (record.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add($"{file.Path}: records[{i}] is not an object of field values.");
                        continue;
                    }

                    if (record.TryGetProperty(KeyName, out var named) && named.ValueKind != JsonValueKind.String)
                    {
                        problems.Add($"{file.Path}: records[{i}]: {KeyName} names the record with text, such as \"hz\".");
                        continue;
                    }

                    var key = record.TryGetProperty(KeyName, out named) ? named.GetString() : null;
                    if (key is not null && !keys.Add(key))
                    {
                        problems.Add($"{file.Path}: records[{i}]: the key '{key}' names two records.");
                    }

                    read.Add(new SampleRecord(key, record));
                }

                batches.Add((file.Path, entity.GetString()!, read));
            }
            catch (JsonException e)
            {
                problems.Add($"{file.Path}: not valid JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split(" Path:", 2)[0]}");
            }
        }

        foreach (var (path, _, list) in batches)
        {
            foreach (var (record, i) in list.Select((r, i) => (r, i)))
            {
                foreach (var missing in References(record.Values).Where(r => !keys.Contains(r)))
                {
                    problems.Add($"{path}: records[{i}]: no record has the key '{missing}' ({Reference}{missing}).");
                }
            }
        }

        return (batches, problems);
    }

    private static IEnumerable<string> References(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString()!.StartsWith(Reference, StringComparison.Ordinal) => [value.GetString()![Reference.Length..]],
        JsonValueKind.Object => value.EnumerateObject().SelectMany(p => References(p.Value)),
        JsonValueKind.Array => value.EnumerateArray().SelectMany(References),
        _ => [],
    };

    /// <summary>A JSON value as the record service takes it, with the keys, references and dates filled in.</summary>
    private static object? Resolve(JsonElement value, IReadOnlyDictionary<string, Guid> ids, DateOnly today, string at) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().Where(p => p.Name != KeyName)
            .ToDictionary(p => p.Name, p => Resolve(p.Value, ids, today, $"{at}.{p.Name}"), StringComparer.Ordinal),
        JsonValueKind.Array => value.EnumerateArray().Select((v, i) => Resolve(v, ids, today, $"{at}[{i}]")).ToList(),
        JsonValueKind.String => Text(value.GetString()!, ids, today, at),
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static string Text(string text, IReadOnlyDictionary<string, Guid> ids, DateOnly today, string at)
    {
        if (text.StartsWith(Reference, StringComparison.Ordinal))
        {
            return ids[text[Reference.Length..]].ToString();
        }

        if (!text.StartsWith(Today, StringComparison.Ordinal))
        {
            return text;
        }

        var offset = text[Today.Length..];
        return offset.Length == 0 ? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : int.TryParse(offset, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days) ? today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : throw new FormatException($"{at}: '{text}' is not a day counted from today ($today, $today-3, $today+14).");
    }
}
