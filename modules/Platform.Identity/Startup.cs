using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Identity.Endpoints;
using Platform.Identity.Services;
using Platform.Records.Packages;

namespace Platform.Identity;

/// <summary>Sign-in, tokens, and the administration of users, roles and departments.</summary>
public sealed class Startup : ModuleStartup
{
    public override bool CanBeDisabled => false;

    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigation<Menu>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<RoleAdministration>();
        services.AddScoped<DepartmentAdministration>();
        services.AddScoped<AdministrationAudit>();
        services.AddScoped<IAppPackagePart, PackageRoles>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAuthEndpoints();
        endpoints.MapApiTokenEndpoints();
        endpoints.MapUserAdministrationEndpoints();
        endpoints.MapRoleAdministrationEndpoints();
        endpoints.MapDepartmentAdministrationEndpoints();
        endpoints.MapAdministrationAuditEndpoints();
    }
}
