using Platform.Abstractions.Navigation;

namespace Platform.DataTransfer;

/// <summary>The module's menu entry: everyone's own exports written in the background.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("DataTransfer.Menu.Exports", "/exports", "download", 160),
    ];
}
