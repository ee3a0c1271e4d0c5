using Platform.Abstractions.Navigation;

namespace Platform.Printing;

/// <summary>The module's menu entries, under administration: the print templates and the company documents print.</summary>
public sealed class Menu : INavigationProvider
{
    public IEnumerable<NavigationItem> GetItems() =>
    [
        new("Identity.Menu.Administration", Icon: "admin_panel_settings", Order: 900)
        {
            Children =
            [
                new("Printing.Menu.Templates", "/print/templates", "print", 60, Permissions.Design),
                new("Printing.Menu.Company", "/settings/company", "business", 70, Permissions.Company),
            ],
        },
    ];
}
