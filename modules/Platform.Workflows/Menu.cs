using Platform.Abstractions.Navigation;

namespace Platform.Workflows;

/// <summary>The module's menu entries: everyone's task inbox; the approval designer and the modeler for those who may deploy processes; the instances for administrators.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Workflows.Menu.Inbox", "/tasks", "inbox", 100),
        new("Workflows.Menu.Approvals", "/workflows/approvals", "approval", 810, Permissions.Deploy),
        new("Workflows.Menu.Modeler", "/workflows/modeler", "schema", 811, Permissions.Deploy),
        new("Workflows.Menu.Instances", "/workflows/instances", "monitor_heart", 812, Permissions.Administer),
    ];
}
