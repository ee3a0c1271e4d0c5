using Platform.Abstractions.Navigation;

namespace Platform.Apps;

/// <summary>The module's menu entry: the installed apps, for those who may install them.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Apps.Menu.Apps", "/apps", "apps", 790, Permissions.Manage),
    ];
}
