using System.Text.Json;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Printing.Models;
using Platform.Printing.Services;
using Platform.Records;
using Platform.Records.Packages;
using Platform.Records.Reports;

namespace Platform.Printing.Packages;

/// <summary>
/// Print templates that app packages bring in <c>print/</c>: a JSON file each (see <c>docs/schemas/print-template.schema.json</c>) with
/// its Liquid beside it (<c>"bodyFile": "sales_order.liquid"</c>). Each is checked first — its entity there, its paper and
/// orientation known, its Liquid parsing (a problem names the file, line and column) — and nothing of the package is applied if
/// one is wrong. A template is found again by its file, so applying a package twice changes nothing.
/// </summary>
public sealed class PackagePrintTemplates(ISavedReportStore store, ISchemaManager schemas, IStringLocalizer text) : IAppPackagePart
{
    private static readonly JsonSerializerOptions Strict = new(PrintTemplates.Json) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public string Folder => "print";

    public async Task<AppPackagePartResult> ApplyAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var (errors, created, changed, unchanged) = (new List<MetadataError>(), new List<string>(), new List<string>(), new List<string>());
        var puts = new List<(string Path, PrintTemplate Template, string EntityKey)>();
        foreach (var file in files.Where(f => f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            PrintTemplate? template;
            try
            {
                template = JsonSerializer.Deserialize<PrintTemplate>(file.Content, Strict);
            }
            catch (JsonException e)
            {
                errors.Add(new($"{file.Path}: {e.Path ?? "$"}", e.Message));
                continue;
            }

            if (template is null)
            {
                errors.Add(new($"{file.Path}: $", "The file holds no print template."));
                continue;
            }

            var bodyPath = template.BodyFile is { } bodyFile ? file.Path[..(file.Path.LastIndexOf('/') + 1)] + bodyFile : null;
            if (bodyPath is not null)
            {
                if (files.FirstOrDefault(f => f.Path == bodyPath) is not { } body)
                {
                    errors.Add(new($"{file.Path}: $.bodyFile", $"There is no file '{bodyPath}' in the package."));
                    continue;
                }

                template.Body = body.Content;
                template.BodyFile = null;
            }

            if (Problem(schema, template) is { } problem)
            {
                var where = problem.Code.StartsWith("Printing.Error.Syntax", StringComparison.Ordinal) ? bodyPath ?? $"{file.Path}: $.body" : $"{file.Path}: $";
                errors.Add(new(where, problem.Say(text)));
                continue;
            }

            puts.Add((file.Path, template, schema.Find(template.Entity)!.Name.ToLowerInvariant()));
        }

        if (errors.Count > 0)
        {
            return new AppPackagePartResult([], [], [], errors);
        }

        foreach (var (path, template, entityKey) in puts)
        {
            var definition = JsonSerializer.Serialize(template, PrintTemplates.Json);
            // One made here and exported is found again by the path export gave it, rather than copied.
            var stored = await store.FindFromPackageAsync(PrintTemplates.Kind, path, cancellationToken)
                ?? ((await store.SharedAsync(PrintTemplates.Kind, cancellationToken)).FirstOrDefault(t => t.Source is null && PathOf(t) == path) is { } made
                    ? await store.FindAsync(made.Id, cancellationToken) : null);
            if (stored is { Source: null })
            {
                stored.Source = path;
            }

            if (stored is not null && stored.Definition == definition && stored.EntityKey == entityKey)
            {
                unchanged.Add($"{PrintTemplates.Kind} {path}");
                continue;
            }

            if (stored is null)
            {
                stored = new SavedReport { Id = Guid.NewGuid(), Kind = PrintTemplates.Kind, Source = path };
                store.Add(stored);
                created.Add($"{PrintTemplates.Kind} {path}");
            }
            else
            {
                changed.Add($"{PrintTemplates.Kind} {path}");
            }

            (stored.EntityKey, stored.Label, stored.Definition, stored.UpdatedAt, stored.UpdatedBy) = (entityKey, PrintTemplates.Title(template), definition, DateTimeOffset.UtcNow, changedBy);
        }

        await store.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult(created, changed, unchanged, []);
    }

    /// <summary>What is wrong with a template against the entities as they are: the first problem, or null.</summary>
    public static PrintRefusedException? Problem(RecordsSchema schema, PrintTemplate template)
    {
        if (template.Labels.Values.All(string.IsNullOrWhiteSpace))
        {
            return new PrintRefusedException("Printing.Error.NoLabel", "A print template needs a title (labels).");
        }

        if (schema.Find(template.Entity) is null)
        {
            return new PrintRefusedException("Printing.Error.UnknownEntity", $"There is no entity '{template.Entity}'.", template.Entity);
        }

        if (!PrintTemplate.Papers.Contains(template.Paper) || !PrintTemplate.Orientations.Contains(template.Orientation))
        {
            return new PrintRefusedException("Printing.Error.Paper", $"Paper is one of {string.Join(", ", PrintTemplate.Papers)}, orientation portrait or landscape.",
                string.Join(", ", PrintTemplate.Papers));
        }

        try
        {
            LiquidTemplates.Parse(template.Body);
            return null;
        }
        catch (PrintRefusedException problem)
        {
            return problem;
        }
    }

    private static string PathOf(SavedReport template) => template.Source ?? AppPackageDocuments.NewPath("print", template.EntityKey ?? "print", template.Id);

    /// <summary>Every shared template as its JSON file with its Liquid beside it (<c>print/sales_order.json</c> and <c>print/sales_order.liquid</c>).</summary>
    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(CancellationToken cancellationToken)
    {
        var files = new List<AppPackageFile>();
        foreach (var stored in await store.SharedAsync(PrintTemplates.Kind, cancellationToken))
        {
            if (JsonSerializer.Deserialize<PrintTemplate>(stored.Definition, PrintTemplates.Json) is not { } template)
            {
                continue;
            }

            var path = PathOf(stored);
            var body = path[..^".json".Length] + ".liquid";
            files.Add(new AppPackageFile(body, template.Body));
            (template.BodyFile, template.Body) = (body[(body.LastIndexOf('/') + 1)..], null!);
            files.Add(AppPackageDocuments.Json(path, template, PrintTemplates.Json));
        }

        return files;
    }

    public async Task<AppPackagePartResult> RemoveAsync(IReadOnlyList<string> paths, string changedBy, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var stored in await store.SharedAsync(PrintTemplates.Kind, cancellationToken))
        {
            if (paths.Contains(PathOf(stored)) && await store.FindAsync(stored.Id, cancellationToken) is { } template)
            {
                store.Remove(template);
                removed.Add($"print template {PathOf(stored)}");
            }
        }

        await store.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult([], removed, [], []);
    }
}
