using Platform.Abstractions.Navigation;

namespace Platform.Identity;

/// <summary>The module's menu entries: system administration for administrators, API tokens for everyone.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Identity.Menu.Administration", Icon: "admin_panel_settings", Order: 900)
        {
            Children =
            [
                new("Identity.Menu.Users", "/admin/users", "group", 10, Permissions.ManageUsers),
                new("Identity.Menu.Roles", "/admin/roles", "verified_user", 20, Permissions.ManageRoles),
                new("Identity.Menu.Departments", "/admin/departments", "account_tree", 30, Permissions.ManageDepartments),
                new("Identity.Menu.ApiTokens", "/admin/api-tokens", "key", 40, Permissions.ManageApiTokens),
            ],
        },
        new("Identity.Menu.MyApiTokens", "/account/api-tokens", "vpn_key", 950),
    ];
}
