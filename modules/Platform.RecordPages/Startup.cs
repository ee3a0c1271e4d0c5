using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Records.Packages;
using Platform.Web.Forms;
using Platform.Web.Home;

namespace Platform.RecordPages;

/// <summary>
/// The pages people work in: every entity's list (filters, columns, saved views, kanban, bulk
/// actions) and form (field editors by kind, line grids, pickers, live rule previews, history),
/// and the app menus and shared views that packages bring.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddNavigation<Menu>();
        services.AddSingleton<Forms.ILookupSource, Forms.RecordLookupSource>();
        services.AddSingleton<Forms.RecordEditor>();
        services.AddSingleton<Forms.RelatedRecords>();
        services.AddSingleton<Views.SavedViews>();
        services.AddConditionsEditor<Components.Lists.FilterBuilder>();
        services.AddDashboardPart<Components.Dashboard.RecordListPart>("list", needsEntity: true);
        services.AddSingleton<Views.BulkActions>();
        services.AddScoped<IAppPackagePart, Views.PackageViews>();
        services.AddScoped<IAppPackagePart, Menus.PackageMenus>();
        services.AddSingleton<Abstractions.Navigation.INavigationSource, Menus.PackageMenuNavigation>();
    }
}
