using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Records;
using Platform.Records.Packages;
using Platform.Records.Views;

namespace Platform.RecordPages.Views;

/// <summary>
/// Shared list views that app packages bring, one file each in <c>views/</c>:
/// <c>{ "entity": "sales_order", "labels": { "zh-CN": "进行中的订单", "en": "Open orders" }, "conditions": [...], "layout": "kanban", ... }</c>.
/// A view is found again by its entity and file name, so applying a package twice changes nothing,
/// and a changed file updates the view. Each view is checked against its entity first.
/// </summary>
public sealed class PackageViews(ISavedViewStore views, ISchemaManager schemas, IStringLocalizer text) : IAppPackagePart
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    public string Folder => "views";

    /// <summary>A view file: the entity it lists, and the view itself.</summary>
    private sealed class ViewFile
    {
        public string Entity { get; set; } = "";

        public string Label { get; set; } = "";

        public LocalizedText? Labels { get; set; }

        public List<string> Columns { get; set; } = [];

        public string? SortBy { get; set; }

        public bool SortDescending { get; set; }

        public List<ViewCondition> Conditions { get; set; } = [];

        public string Layout { get; set; } = ViewDefinition.ListLayout;

        public string? GroupBy { get; set; }

        public string? ColourBy { get; set; }

        public static ViewFile From(string entity, ViewDefinition view) => new()
        {
            Entity = entity, Label = view.Label, Labels = view.Labels, Columns = view.Columns, SortBy = view.SortBy, SortDescending = view.SortDescending,
            Conditions = view.Conditions, Layout = view.Layout, GroupBy = view.GroupBy, ColourBy = view.ColourBy,
        };

        public ViewDefinition ToView() => new()
        {
            // A list written as null means none; null entries are left for the check to name.
            Label = Label is { Length: > 0 } ? Label : Labels?.For("zh-CN") ?? "", Labels = Labels, Columns = Columns ?? [], SortBy = SortBy, SortDescending = SortDescending,
            Conditions = Conditions ?? [], Layout = Layout ?? "", GroupBy = GroupBy, ColourBy = ColourBy,
        };
    }

    public async Task<AppPackagePartResult> ApplyAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var (created, changed, unchanged, errors) = (new List<string>(), new List<string>(), new List<string>(), new List<MetadataError>());
        foreach (var file in files.Where(f => f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            ViewFile? read;
            try
            {
                read = JsonSerializer.Deserialize<ViewFile>(file.Content, Json);
            }
            catch (JsonException e)
            {
                errors.Add(new($"{file.Path}: {e.Path ?? "$"}", e.Message));
                continue;
            }

            if (read is null || schema.Find(read.Entity ?? "") is not { } entity)
            {
                errors.Add(new($"{file.Path}: $.entity", $"There is no entity '{read?.Entity}'."));
                continue;
            }

            var view = read.ToView();
            var problems = ViewCheck.Problems(entity, view);
            if (problems.Count > 0)
            {
                errors.AddRange(problems.Select(p => new MetadataError(file.Path, text[p.Key, [.. p.Arguments]])));
                continue;
            }

            var entityKey = entity.Name.ToLowerInvariant();
            var stored = await views.FindFromPackageAsync(entityKey, file.Path, cancellationToken) ?? await MadeHereAsync(entity.Name, entityKey, file.Path, cancellationToken);
            if (stored is { Source: null })
            {
                stored.Source = file.Path; // from now on followed by its file, as a menu names it
            }

            var definition = JsonSerializer.Serialize(view, Json);
            if (stored is not null && stored.Definition == definition)
            {
                unchanged.Add($"view {file.Path}");
                continue;
            }

            if (stored is null)
            {
                stored = new SavedView { Id = Guid.NewGuid(), EntityKey = entityKey, Source = file.Path };
                views.Add(stored);
                created.Add($"view {file.Path}");
            }
            else
            {
                changed.Add($"view {file.Path}");
            }

            (stored.Label, stored.Definition, stored.UpdatedAt, stored.UpdatedBy) = (view.Label, definition, DateTimeOffset.UtcNow, changedBy);
        }

        if (errors.Count > 0)
        {
            return new AppPackagePartResult([], [], [], errors);
        }

        await views.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult(created, changed, unchanged, []);
    }

    /// <summary>A shared view made here that an exported package names by the path export gave it: applying that package here finds it again rather than copying it.</summary>
    private async Task<SavedView?> MadeHereAsync(string entityName, string entityKey, string path, CancellationToken cancellationToken) =>
        (await views.SharedAsync(cancellationToken)).FirstOrDefault(v => v.Source is null && v.EntityKey == entityKey && AppPackageDocuments.NewPath(Folder, entityName, v.Id) == path) is { } made
            ? await views.FindAsync(made.Id, cancellationToken)
            : null;

    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(CancellationToken cancellationToken)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var files = new List<AppPackageFile>();
        foreach (var view in await views.SharedAsync(cancellationToken))
        {
            if (schema.Find(view.EntityKey) is not { } entity || JsonSerializer.Deserialize<ViewDefinition>(view.Definition, Stored) is not { } definition)
            {
                continue; // a view of an entity no longer there lists nothing
            }

            var path = view.Source ?? AppPackageDocuments.NewPath(Folder, entity.Name, view.Id);
            files.Add(AppPackageDocuments.Json(path, ViewFile.From(entity.Name, definition), Json));
        }

        return files;
    }

    public async Task<AppPackagePartResult> RemoveAsync(IReadOnlyList<string> paths, string changedBy, CancellationToken cancellationToken)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var removed = new List<string>();
        foreach (var view in await views.SharedAsync(cancellationToken))
        {
            var path = view.Source ?? (schema.Find(view.EntityKey) is { } entity ? AppPackageDocuments.NewPath(Folder, entity.Name, view.Id) : null);
            if (path is not null && paths.Contains(path) && await views.FindAsync(view.Id, cancellationToken) is { } stored)
            {
                views.Remove(stored);
                removed.Add($"view {path}");
            }
        }

        await views.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult([], removed, [], []);
    }
}
