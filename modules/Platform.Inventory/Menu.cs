using Platform.Abstractions.Navigation;

namespace Platform.Inventory;

/// <summary>The module's menu entries: the stock on hand, what came in and went out, and what is to be reordered, for those whose role lets them look at it.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Inventory.Menu.Stock", "/inventory/stock", "inventory", 150, Permissions.ViewStock),
        new("Inventory.Menu.Summary", "/inventory/summary", "summarize", 151, Permissions.ViewStock),
        new("Inventory.Menu.Reorder", "/inventory/reorder", "production_quantity_limits", 152, Permissions.ViewStock),
    ];
}
