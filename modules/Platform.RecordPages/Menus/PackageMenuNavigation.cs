using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Navigation;
using Platform.Records;
using Platform.Records.Menus;
using Platform.Records.Views;

namespace Platform.RecordPages.Menus;

/// <summary>
/// The menus of the main menu that come from configuration: one group per package menu, one entry
/// per list (an entity's records, or one of its views), and the entities whose definition names a
/// menu group (<see cref="Core.Metadata.EntityDefinition.MenuGroup"/>) — in the package group of the
/// same name, else in a group of their own. Labelled in both languages.
/// </summary>
public sealed class PackageMenuNavigation(IServiceScopeFactory scopes) : INavigationSource
{
    /// <summary>Where groups made by entities alone sit among the menu's entries (before 数据 / Data).</summary>
    private const int EntityGroupOrder = 45;

    public async Task<IEnumerable<NavigationItem>> GetItemsAsync(CancellationToken cancellationToken = default)
    {
        // A scope of its own: the menu renders beside the page, whose components use the circuit's context at the same time.
        await using var scope = scopes.CreateAsyncScope();
        var schema = await scope.ServiceProvider.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken);
        var menus = await scope.ServiceProvider.GetRequiredService<IAppMenuStore>().AllAsync(cancellationToken);
        var placed = schema.Entities.Where(e => e.MenuGroup is { IsBlank: false } && schema.ParentOf(e.Name) is null).ToList();
        if (menus.Count == 0 && placed.Count == 0)
        {
            return [];
        }

        var views = menus.Count == 0 ? new Dictionary<string, Guid>() : await scope.ServiceProvider.GetRequiredService<ISavedViewStore>().PackageViewIdsAsync(cancellationToken);
        var items = new List<NavigationItem>();
        foreach (var menu in menus)
        {
            var document = JsonSerializer.Deserialize<AppMenuDocument>(menu.Definition, PackageMenus.Json)!;
            var children = document.Items
                .Select((item, i) => (Item: item, Index: i, Entity: schema.Find(item.Entity)))
                .Where(e => e.Entity is not null)
                .Select(e => new NavigationItem($"menu:{menu.Source}:{e.Index}", Href(e.Item, views), e.Item.Icon ?? e.Entity!.Icon ?? "table_view", e.Index)
                {
                    Texts = e.Item.Label is { IsBlank: false } label ? label : ListLabel(e.Entity!),
                })
                .ToList();
            var joining = placed.Where(e => SameGroup(e.MenuGroup!, document.Label) && children.All(c => c.Href != $"/records/{e.Name}")).ToList();
            placed.RemoveAll(joining.Contains);
            children.AddRange(joining.Select((e, i) => EntityEntry(e, children.Count + i)));
            items.Add(new NavigationItem($"menu:{menu.Source}", null, document.Icon ?? "apps", document.Order) { Texts = document.Label, Children = children });
        }

        // Groups only entities name: one per group name, its lists by label.
        foreach (var group in placed.GroupBy(e => Key(e.MenuGroup!)))
        {
            var entities = group.OrderBy(e => ListLabel(e).For(System.Globalization.CultureInfo.CurrentUICulture.Name), StringComparer.CurrentCulture).ToList();
            items.Add(new NavigationItem($"menu:entities:{group.Key}", null, "apps", EntityGroupOrder)
            {
                Texts = entities[0].MenuGroup, Children = [.. entities.Select(EntityEntry)],
            });
        }

        return items;
    }

    private static NavigationItem EntityEntry(Core.Metadata.EntityDefinition entity, int order) =>
        new($"menu:entity:{entity.Name}", $"/records/{entity.Name}", entity.Icon ?? "table_view", order) { Texts = ListLabel(entity) };

    private static Core.Metadata.LocalizedText ListLabel(Core.Metadata.EntityDefinition entity) => entity.PluralLabel.IsBlank ? entity.Label : entity.PluralLabel;

    /// <summary>Groups are the same when they share a name in any language (销售 and 销售 / Sales).</summary>
    private static bool SameGroup(Core.Metadata.LocalizedText group, Core.Metadata.LocalizedText? menu) =>
        menu is not null && group.Any(g => !string.IsNullOrWhiteSpace(g.Value) && menu.TryGetValue(g.Key, out var name) && string.Equals(name.Trim(), g.Value.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string Key(Core.Metadata.LocalizedText group) =>
        (group.GetValueOrDefault("zh-CN") is { Length: > 0 } zh ? zh : group.Values.First(v => !string.IsNullOrWhiteSpace(v))).Trim().ToLowerInvariant();

    private static string Href(AppMenuItem item, Dictionary<string, Guid> views) =>
        item.View is { } view && views.TryGetValue(view, out var id) ? $"/records/{item.Entity}?view={id}" : $"/records/{item.Entity}";
}
