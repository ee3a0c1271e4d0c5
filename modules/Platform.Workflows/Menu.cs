using Platform.Abstractions.Navigation;

namespace Platform.Workflows;

/// <summary>The module's menu entry: everyone's task inbox.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() => [new("Workflows.Menu.Inbox", "/tasks", "inbox", 100)];
}
