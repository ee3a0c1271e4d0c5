using Platform.Abstractions.Navigation;

namespace Platform.Entities;

/// <summary>The module's menu entry: the records of every entity the app packages define.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() => [new("Entities.Menu.Records", "/records", "table_view", 50)];
}
