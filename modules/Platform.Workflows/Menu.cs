using Platform.Abstractions.Navigation;

namespace Platform.Workflows;

/// <summary>The module's menu entries: everyone's task inbox, and the approval designer for those who may deploy processes.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Workflows.Menu.Inbox", "/tasks", "inbox", 100),
        new("Workflows.Menu.Approvals", "/workflows/approvals", "approval", 810, Permissions.Deploy),
    ];
}
