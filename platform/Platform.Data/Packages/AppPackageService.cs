using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Data.Records;

namespace Platform.Data.Packages;

/// <summary>
/// Applies app packages (apps as data) idempotently and exports the current definitions as one.
/// All documents are read and validated before anything is applied, and all entities are applied
/// in one transaction: a package goes in whole or not at all.
/// </summary>
public sealed class AppPackageService(PlatformDbContext db, SchemaManager schemas, IEnumerable<IAppPackagePart> parts)
{
    public async Task<AppPackageReport> ApplyAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken = default)
    {
        var errors = new List<MetadataError>();
        var entities = new List<(string Path, EntityDefinition Entity)>();
        foreach (var file in files.Where(f => f.Path.StartsWith(AppPackageFolder.EntitiesFolder + "/", StringComparison.Ordinal)))
        {
            try
            {
                var entity = MetadataJson.Read(file.Content);
                errors.AddRange(MetadataValidator.Validate(entity).Select(e => e with { Path = $"{file.Path}: {e.Path}" }));
                entities.Add((file.Path, entity));
            }
            catch (JsonException e)
            {
                errors.Add(new($"{file.Path}: {e.Path ?? "$"}", $"Not a valid entity document (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split(" Path:", 2)[0]}"));
            }
        }

        foreach (var duplicate in entities.GroupBy(e => e.Entity.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new(string.Join(", ", duplicate.Select(d => d.Path)), $"The entity '{duplicate.Key}' is defined more than once."));
        }

        if (errors.Count > 0)
        {
            return new AppPackageReport([], [], [], errors);
        }

        var created = new List<string>();
        var changed = new List<string>();
        var unchanged = new List<string>();
        var sql = new List<string>();
        await using var transaction = await JoinedTransaction.JoinOrBeginAsync(db, cancellationToken);
        foreach (var (path, entity) in entities)
        {
            var result = await schemas.ApplyAsync(entity, changedBy, dryRun: false, entities.Select(e => e.Entity.Name).ToList(), cancellationToken: cancellationToken);
            if (!result.Succeeded)
            {
                return new AppPackageReport([], [], [], result.Errors.Select(e => e with { Path = $"{path}: {e.Path}" }).ToList());
            }

            (result.Applied ? result.Version == 1 ? created : changed : unchanged).Add(entity.Name);
            sql.AddRange(result.Sql);
        }

        // What joins entities to each other is checked once all of them are in: a document fulfils the lines of another, and
        // stock declarations point at items and warehouses.
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var joined = Platform.Records.Documents.FulfilmentLink.Problems(schema).Select(problem => new MetadataError("$.fulfils", problem))
            .Concat(Platform.Records.Stock.StockLinks.Problems(schema).Select(problem => new MetadataError("$.stock", problem))).ToList();
        if (joined.Count > 0)
        {
            return new AppPackageReport([], [], [], joined);
        }

        foreach (var part in parts)
        {
            var mine = files.Where(f => f.Path.StartsWith(part.Folder + "/", StringComparison.Ordinal)).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var result = await part.ApplyAsync(mine, changedBy, cancellationToken);
            if (result.Errors.Count > 0)
            {
                return new AppPackageReport([], [], [], result.Errors);
            }

            created.AddRange(result.Created);
            changed.AddRange(result.Changed);
            unchanged.AddRange(result.Unchanged);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AppPackageReport(created, changed, unchanged, []) { Sql = sql };
    }

    /// <summary>What removing these files' documents would delete with them: each entity's records and each part's data (a workflow's instances…).</summary>
    public async Task<IReadOnlyList<AppPackageData>> DataAsync(IReadOnlyList<AppPackageFile> files, CancellationToken cancellationToken = default)
    {
        var data = new List<AppPackageData>();
        foreach (var entity in EntityNames(files))
        {
            if (await schemas.CountRecordsAsync(entity, cancellationToken) is > 0 and var count)
            {
                data.Add(new AppPackageData(AppPackageDataKinds.Records, entity, count));
            }
        }

        foreach (var part in parts)
        {
            if (PathsOf(part, files) is { Count: > 0 } paths)
            {
                data.AddRange(await part.DataAsync(paths, cancellationToken));
            }
        }

        return data;
    }

    /// <summary>
    /// Removes these files' documents (an app being uninstalled) with all their data, all or nothing: the parts' documents first, the
    /// last applied first removed, then the entities together with their tables.
    /// </summary>
    public async Task<AppPackageReport> RemoveAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken = default)
    {
        await using var transaction = await JoinedTransaction.JoinOrBeginAsync(db, cancellationToken);
        var removed = new List<string>();
        foreach (var part in parts.Reverse())
        {
            if (PathsOf(part, files) is not { Count: > 0 } paths)
            {
                continue;
            }

            var result = await part.RemoveAsync(paths, changedBy, cancellationToken);
            if (result.Errors.Count > 0)
            {
                await transaction.RollbackAsync();
                return new AppPackageReport([], [], [], result.Errors);
            }

            removed.AddRange(result.Changed);
        }

        var sql = new List<string>();
        if (EntityNames(files) is { Count: > 0 } entities)
        {
            var result = await schemas.DeleteEntitiesAsync(entities, withRecords: true, changedBy, cancellationToken: cancellationToken);
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync();
                return new AppPackageReport([], [], [], result.Errors);
            }

            removed.AddRange(entities.Select(e => $"entity {e}"));
            sql.AddRange(result.Sql);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AppPackageReport([], removed, [], []) { Sql = sql };
    }

    /// <summary>The entities of these files, by the name their documents have (export writes <c>entities/{name}.json</c>).</summary>
    private static List<string> EntityNames(IReadOnlyList<AppPackageFile> files) =>
        [.. files.Where(f => f.Path.StartsWith(AppPackageFolder.EntitiesFolder + "/", StringComparison.Ordinal) && f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.Path[(AppPackageFolder.EntitiesFolder.Length + 1)..^".json".Length])];

    private static List<string> PathsOf(IAppPackagePart part, IReadOnlyList<AppPackageFile> files) =>
        [.. files.Where(f => f.Path.StartsWith(part.Folder + "/", StringComparison.Ordinal)).Select(f => f.Path)];

    /// <summary>
    /// The whole app as a package: every entity (with its form, rules, actions and duplicate rules) and every part's documents — views,
    /// menus, roles, reports, dashboards, print templates, scanned forms' templates, workflows — in path order.
    /// </summary>
    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(string packageName, CancellationToken cancellationToken = default)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var files = schema.Entities
            .Select(e => new AppPackageFile($"{AppPackageFolder.EntitiesFolder}/{e.Name}.json", MetadataJson.Write(e)))
            .ToList();
        foreach (var part in parts)
        {
            files.AddRange(await part.ExportAsync(cancellationToken));
        }

        return [new AppPackageFile("package.json", new AppPackageManifest(packageName, null, AppPackageManifest.Unversioned, new Dictionary<string, Version>()).Write()), .. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }
}
