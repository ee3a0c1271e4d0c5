using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Entities.Endpoints;

namespace Platform.Entities;

/// <summary>
/// Metadata-defined entities: the metadata API and the designer (entities, fields, form layout,
/// rules), and the record permissions every entity brings. People's pages over the records are the
/// record pages module, the REST API the record API module, import and export the data transfer module.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigation<Menu>();
        services.AddScoped<Abstractions.Permissions.IPermissionSource, RecordPermissionSource>();
        services.AddSingleton<Designer.EntityDesign>();
        services.Configure<Web.Hosting.ShellOptions>(shell => shell.Scripts.Add("_content/Platform.Entities/code-editor.js"));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMetadataEndpoints();
    }
}
