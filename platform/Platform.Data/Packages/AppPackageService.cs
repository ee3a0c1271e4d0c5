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
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (path, entity) in entities)
        {
            var result = await schemas.ApplyAsync(entity, changedBy, dryRun: false, entities.Select(e => e.Entity.Name).ToList(), cancellationToken: cancellationToken);
            if (!result.Succeeded)
            {
                return new AppPackageReport([], [], [], result.Errors.Select(e => e with { Path = $"{path}: {e.Path}" }).ToList());
            }

            (result.Applied ? result.Version == 1 ? created : changed : unchanged).Add(entity.Name);
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
        return new AppPackageReport(created, changed, unchanged, []);
    }

    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(string packageName, CancellationToken cancellationToken = default)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        return schema.Entities
            .Select(e => new AppPackageFile($"{AppPackageFolder.EntitiesFolder}/{e.Name}.json", MetadataJson.Write(e)))
            .Prepend(new AppPackageFile("package.json", AppPackageFolder.Manifest(packageName, null)))
            .ToList();
    }
}
