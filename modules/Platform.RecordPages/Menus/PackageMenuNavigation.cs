using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Navigation;
using Platform.Records;
using Platform.Records.Menus;
using Platform.Records.Views;

namespace Platform.RecordPages.Menus;

/// <summary>
/// The menus app packages define, as menu entries: one group per menu, one entry per list (an
/// entity's records, or one of its views), labelled in both languages.
/// </summary>
public sealed class PackageMenuNavigation(IServiceScopeFactory scopes) : INavigationSource
{
    public async Task<IEnumerable<NavigationItem>> GetItemsAsync(CancellationToken cancellationToken = default)
    {
        // A scope of its own: the menu renders beside the page, whose components use the circuit's context at the same time.
        await using var scope = scopes.CreateAsyncScope();
        var schemas = scope.ServiceProvider.GetRequiredService<ISchemaManager>();
        var menus = await scope.ServiceProvider.GetRequiredService<IAppMenuStore>().AllAsync(cancellationToken);
        if (menus.Count == 0)
        {
            return [];
        }

        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var views = await scope.ServiceProvider.GetRequiredService<ISavedViewStore>().PackageViewIdsAsync(cancellationToken);
        var items = new List<NavigationItem>();
        foreach (var menu in menus)
        {
            var document = JsonSerializer.Deserialize<AppMenuDocument>(menu.Definition, PackageMenus.Json)!;
            var children = document.Items
                .Select((item, i) => (Item: item, Index: i, Entity: schema.Find(item.Entity)))
                .Where(e => e.Entity is not null)
                .Select(e => new NavigationItem($"menu:{menu.Source}:{e.Index}", Href(e.Item, views), e.Item.Icon ?? e.Entity!.Icon ?? "table_view", e.Index)
                {
                    Texts = e.Item.Label is { IsBlank: false } label ? label : e.Entity!.PluralLabel.IsBlank ? e.Entity.Label : e.Entity.PluralLabel,
                })
                .ToList();
            items.Add(new NavigationItem($"menu:{menu.Source}", null, document.Icon ?? "apps", document.Order) { Texts = document.Label, Children = children });
        }

        return items;
    }

    private static string Href(AppMenuItem item, Dictionary<string, Guid> views) =>
        item.View is { } view && views.TryGetValue(view, out var id) ? $"/records/{item.Entity}?view={id}" : $"/records/{item.Entity}";
}
