using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Workflows.Endpoints;
using Platform.Bpmn.Engine;

namespace Platform.Workflows;

/// <summary>
/// The workflow module: the engine's services (from platform/Platform.Bpmn) and timer dispatcher, the
/// REST API and the task inbox. It builds on the platform only, so it declares no [DependsOn]; switched
/// off, no process starts, runs or shows.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigation<Menu>();
        services.AddWorkflowEngine(timers: configuration.GetValue("Platform:Workflows:FireTimers", true));
        services.AddWorkflowPackagePart();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapProcessEndpoints();
        endpoints.MapInstanceEndpoints();
        endpoints.MapTaskEndpoints();
        endpoints.MapApprovalEndpoints();
    }
}
