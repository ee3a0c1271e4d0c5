using Platform.Abstractions.Navigation;

namespace Platform.RecordPages;

/// <summary>The module's menu entry: the records of every entity (package menus add their own entries).</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("RecordPages.Menu.Records", "/records", "table_view", 50),
    ];
}
