using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Platform.Abstractions.Navigation;

namespace Platform.Web.Navigation;

/// <summary>
/// The menu a given user sees: entries of all enabled modules and of the menus app packages define, groups of the same text key
/// merged, entries the user lacks the permission for removed, empty groups dropped, sorted by
/// order then key.
/// </summary>
public sealed class NavigationMenu(IEnumerable<INavigationProvider> providers, IEnumerable<INavigationSource> sources, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<NavigationItem>> ForUserAsync(ClaimsPrincipal user)
    {
        var items = providers.SelectMany(p => p.GetItems()).ToList();
        foreach (var source in sources)
        {
            items.AddRange(await source.GetItemsAsync());
        }

        return await FilterAsync(Merge(items), user);
    }

    private static List<NavigationItem> Merge(IEnumerable<NavigationItem> items) =>
        items.GroupBy(i => (i.TextKey, i.Href))
            .Select(g => g.First() with { Children = Merge(g.SelectMany(i => i.Children)) })
            .ToList();

    private async Task<IReadOnlyList<NavigationItem>> FilterAsync(IEnumerable<NavigationItem> items, ClaimsPrincipal user)
    {
        var visible = new List<NavigationItem>();
        foreach (var item in items)
        {
            if (item.Permission is not null && !(await authorization.AuthorizeAsync(user, item.Permission)).Succeeded)
            {
                continue;
            }

            var children = await FilterAsync(item.Children, user);
            if (item.Href is null && children.Count == 0)
            {
                continue;
            }

            visible.Add(item with { Children = children });
        }

        return visible.OrderBy(i => i.Order).ThenBy(i => i.TextKey, StringComparer.Ordinal).ToList();
    }
}
