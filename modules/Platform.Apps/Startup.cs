using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Apps.Endpoints;
using Platform.Apps.Packages;

namespace Platform.Apps;

/// <summary>
/// Apps as packages in the browser: the installed apps with their versions and what each brought (and what was changed here),
/// installing and upgrading from an uploaded zip with a dry run first (what changes, which conflicts, the schema's SQL), and
/// exporting what is here as a zip that installs on another platform.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddNavigation<Menu>();
        services.AddPermissions<Permissions>();
        services.AddSingleton(PackageZipLimits.Read(configuration));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapAppEndpoints();
}
