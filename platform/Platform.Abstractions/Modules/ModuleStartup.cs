using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Abstractions.Modules;

/// <summary>
/// The one entry point of a module. The host creates it only when the module is enabled, so
/// whatever a module contributes (services, endpoints, pages, menu entries, permissions, package
/// documents) goes through here and vanishes with it when the module is disabled.
/// </summary>
public abstract class ModuleStartup
{
    /// <summary>Registers services, navigation providers, permission providers and package documents.</summary>
    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    /// <summary>Maps the module's minimal API endpoints.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    /// <summary>True when the module's assembly holds routable Blazor pages the router must know.</summary>
    public virtual bool HasPages => false;

    /// <summary>False for modules the platform cannot run without (sign-in, the shell).</summary>
    public virtual bool CanBeDisabled => true;
}
