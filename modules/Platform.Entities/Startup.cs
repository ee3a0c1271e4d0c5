using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Entities.Endpoints;
using Platform.Records.Packages;

namespace Platform.Entities;

/// <summary>Metadata-defined entities: the metadata API and designer, record forms, lists, views and menus (the REST API is the record API module, import and export the data transfer module).</summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigation<Menu>();
        services.AddScoped<Abstractions.Permissions.IPermissionSource, RecordPermissionSource>();
        services.AddSingleton<Forms.ILookupSource, Forms.RecordLookupSource>();
        services.AddSingleton<Forms.RecordEditor>();
        services.AddSingleton<Views.SavedViews>();
        services.AddSingleton<Views.BulkActions>();
        services.AddScoped<IAppPackagePart, Views.PackageViews>();
        services.AddScoped<IAppPackagePart, Menus.PackageMenus>();
        services.AddSingleton<Abstractions.Navigation.INavigationSource, Menus.PackageMenuNavigation>();
        services.AddSingleton<Designer.EntityDesign>();
        services.Configure<Web.Hosting.ShellOptions>(shell => shell.Scripts.Add("_content/Platform.Entities/code-editor.js"));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMetadataEndpoints();
    }
}
