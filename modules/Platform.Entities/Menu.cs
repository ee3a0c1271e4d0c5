using Platform.Abstractions.Navigation;

namespace Platform.Entities;

/// <summary>The module's menu entry: the designer, for those who may define entities.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Entities.Menu.Designer", "/designer", "design_services", 800, Permissions.ManageMetadata),
    ];
}
