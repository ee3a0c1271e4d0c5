using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Records;
using Platform.Records.Menus;
using Platform.Records.Packages;
using Platform.Records.Views;

namespace Platform.RecordPages.Menus;

/// <summary>
/// The menus app packages bring (<c>menus/*.json</c>): checked against the entities and the package's
/// views, kept by file so applying a package twice changes nothing, shown by <see cref="PackageMenuNavigation"/>.
/// </summary>
public sealed class PackageMenus(IAppMenuStore menus, ISavedViewStore views, ISchemaManager schemas) : IAppPackagePart
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Folder => "menus";

    public async Task<AppPackagePartResult> ApplyAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var (created, changed, unchanged, errors) = (new List<string>(), new List<string>(), new List<string>(), new List<MetadataError>());
        foreach (var file in files.Where(f => f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            AppMenuDocument? menu;
            try
            {
                menu = JsonSerializer.Deserialize<AppMenuDocument>(file.Content, Json);
            }
            catch (JsonException e)
            {
                errors.Add(new($"{file.Path}: {e.Path ?? "$"}", e.Message));
                continue;
            }

            var problems = await ProblemsAsync(menu, schema, cancellationToken);
            if (problems.Count > 0)
            {
                errors.AddRange(problems.Select(p => p with { Path = $"{file.Path}: {p.Path}" }));
                continue;
            }

            var definition = JsonSerializer.Serialize(menu, Json);
            var stored = await menus.FindFromPackageAsync(file.Path, cancellationToken);
            if (stored?.Definition == definition)
            {
                unchanged.Add($"menu {file.Path}");
                continue;
            }

            if (stored is null)
            {
                menus.Add(stored = new AppMenu { Id = Guid.NewGuid(), Source = file.Path });
                created.Add($"menu {file.Path}");
            }
            else
            {
                changed.Add($"menu {file.Path}");
            }

            (stored.Definition, stored.UpdatedAt, stored.UpdatedBy) = (definition, DateTimeOffset.UtcNow, changedBy);
        }

        if (errors.Count > 0)
        {
            return new AppPackagePartResult([], [], [], errors);
        }

        await menus.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult(created, changed, unchanged, []);
    }

    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(CancellationToken cancellationToken) =>
        [.. (await menus.AllAsync(cancellationToken))
            .Select(menu => (menu.Source, Document: JsonSerializer.Deserialize<AppMenuDocument>(menu.Definition, Json)))
            .Where(menu => menu.Document is not null)
            .Select(menu => AppPackageDocuments.Json(menu.Source, menu.Document, Json))];

    public async Task<AppPackagePartResult> RemoveAsync(IReadOnlyList<string> paths, string changedBy, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var menu in await menus.AllAsync(cancellationToken))
        {
            if (paths.Contains(menu.Source) && await menus.FindFromPackageAsync(menu.Source, cancellationToken) is { } stored)
            {
                menus.Remove(stored);
                removed.Add($"menu {menu.Source}");
            }
        }

        await menus.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult([], removed, [], []);
    }

    private async Task<List<MetadataError>> ProblemsAsync(AppMenuDocument? menu, RecordsSchema schema, CancellationToken cancellationToken)
    {
        var problems = new List<MetadataError>();
        if (menu is null || menu.Label is null || menu.Label.IsBlank)
        {
            problems.Add(new("$.label", "A menu needs a label in at least one language (zh-CN or en)."));
            return problems;
        }

        if (menu.Items is not { Count: > 0 })
        {
            problems.Add(new("$.items", "A menu needs at least one item."));
            return problems;
        }

        for (var i = 0; i < menu.Items.Count; i++)
        {
            var item = menu.Items[i];
            if (item is null)
            {
                problems.Add(new($"$.items[{i}]", "An item cannot be null: give it an entity."));
            }
            else if (schema.Find(item.Entity ?? "") is null)
            {
                problems.Add(new($"$.items[{i}].entity", $"There is no entity '{item.Entity}'."));
            }
            else if (item.View is { } view && !await views.PackageViewExistsAsync(view, cancellationToken))
            {
                problems.Add(new($"$.items[{i}].view", $"There is no package view '{view}' (a file in views/)."));
            }
        }

        return problems;
    }
}
