using Platform.Abstractions.Navigation;

namespace Platform.Inventory;

/// <summary>The module's menu entry: the stock on hand, for those whose role lets them look at it.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() => [new("Inventory.Menu.Stock", "/inventory/stock", "inventory", 150, Permissions.ViewStock)];
}
