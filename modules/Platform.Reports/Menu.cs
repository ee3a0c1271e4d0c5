using Platform.Abstractions.Navigation;

namespace Platform.Reports;

/// <summary>The module's menu entry: the reports everyone may run (each over what they may read).</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Reports.Menu.Reports", "/reports", "bar_chart", 150),
    ];
}
