using Platform.Core.Metadata;
using Platform.Ocr.Templates;
using Platform.OcrCapture.Records;
using Platform.Records;
using Platform.Records.Ocr;
using Platform.Records.Packages;

namespace Platform.OcrCapture.Templates;

/// <summary>
/// The <c>ocr/</c> folder of app packages: each <c>*.template.json</c> is a scanned form's template (the OCR
/// engine's format, checked in full before anything is stored), and a <c>*.blank.png</c> beside it with the
/// same stem is its blank form. A template's record mapping is checked against the entities (the package's own are applied first). A template is found again by its name: applying a package twice changes
/// nothing; a changed file (or blank) stores the new definition under the next version.
/// </summary>
public sealed class PackageFormTemplates(IScanBatchStore store, ISchemaManager schemas, TimeProvider clock) : IAppPackagePart
{
    public const string TemplateSuffix = ".template.json";

    public const string BlankSuffix = ".blank.png";

    public string Folder => "ocr";

    public async Task<AppPackagePartResult> ApplyAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken)
    {
        var (created, changed, unchanged, errors) = (new List<string>(), new List<string>(), new List<string>(), new List<MetadataError>());
        var read = new List<(string Path, FormTemplate Template, byte[]? Blank)>();
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        foreach (var file in files.Where(f => f.Path.EndsWith(TemplateSuffix, StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                var template = FormTemplate.Parse(file.Content, file.Path);
                if (SheetMappingCheck.Problems(template, schema) is { Count: > 0 } problems)
                {
                    errors.AddRange(problems.Select(p => new MetadataError(file.Path, p.ToString())));
                    continue;
                }

                var blankPath = file.Path[..^TemplateSuffix.Length] + BlankSuffix;
                read.Add((file.Path, template, files.FirstOrDefault(f => string.Equals(f.Path, blankPath, StringComparison.OrdinalIgnoreCase))?.Bytes));
            }
            catch (TemplateException e)
            {
                errors.AddRange(e.Problems.Select(p => new MetadataError(file.Path, p)));
            }
        }

        foreach (var twice in read.GroupBy(r => r.Template.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new(string.Join(", ", twice.Select(t => t.Path)), $"The form template '{twice.Key}' is defined more than once."));
        }

        if (errors.Count > 0)
        {
            return new AppPackagePartResult([], [], [], errors);
        }

        foreach (var (path, template, blank) in read)
        {
            var definition = template.ToJson();
            var stored = await store.FindTemplateAsync(template.Name, cancellationToken);
            if (stored is not null && stored.Definition == definition && (blank is null || (stored.Blank ?? []).AsSpan().SequenceEqual(blank)))
            {
                unchanged.Add($"form template {template.Name}");
                continue;
            }

            if (stored is null)
            {
                stored = new StoredFormTemplate { Id = Guid.CreateVersion7(), Name = template.Name };
                store.AddTemplate(stored);
                created.Add($"form template {template.Name}");
            }
            else
            {
                changed.Add($"form template {template.Name}");
            }

            stored.Version++;
            (stored.Definition, stored.Source, stored.UpdatedAt, stored.UpdatedBy) = (definition, path, clock.GetUtcNow(), changedBy);
            stored.Blank = blank ?? stored.Blank;
        }

        await store.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult(created, changed, unchanged, []);
    }

    /// <summary>Every published template with its blank form beside it; a draft not yet published stays here.</summary>
    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(CancellationToken cancellationToken)
    {
        var files = new List<AppPackageFile>();
        foreach (var template in (await store.TemplatesAsync(cancellationToken)).Where(t => t.IsPublished))
        {
            var path = template.Source ?? AppPackageDocuments.NewPath(Folder, template.Name, template.Id, TemplateSuffix);
            files.Add(AppPackageDocuments.Json(path, System.Text.Json.Nodes.JsonNode.Parse(template.Definition), new System.Text.Json.JsonSerializerOptions()));
            if ((await store.FindTemplateAsync(template.Name, cancellationToken))?.Blank is { Length: > 0 } blank) // the list leaves the pictures out
            {
                files.Add(new AppPackageFile(path[..^TemplateSuffix.Length] + BlankSuffix, "") { Bytes = blank });
            }
        }

        return files;
    }

    /// <summary>The published templates export gives one of these paths, by name.</summary>
    private async Task<List<string>> NamesAtAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken) =>
        [.. (await store.TemplatesAsync(cancellationToken)).Where(t => t.IsPublished && paths.Contains(t.Source ?? AppPackageDocuments.NewPath(Folder, t.Name, t.Id, TemplateSuffix))).Select(t => t.Name)];

    /// <summary>The batches read with those templates.</summary>
    public async Task<IReadOnlyList<AppPackageData>> DataAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var data = new List<AppPackageData>();
        foreach (var name in await NamesAtAsync(paths, cancellationToken))
        {
            if (await store.BatchCountAsync(name, cancellationToken) is > 0 and var count)
            {
                data.Add(new AppPackageData(AppPackageDataKinds.ScanBatches, name, count));
            }
        }

        return data;
    }

    public async Task<AppPackagePartResult> RemoveAsync(IReadOnlyList<string> paths, string changedBy, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var name in await NamesAtAsync(paths, cancellationToken))
        {
            await store.RemoveTemplateAsync(name, cancellationToken);
            removed.Add($"form template {name}");
        }

        return new AppPackagePartResult([], removed, [], []);
    }
}
