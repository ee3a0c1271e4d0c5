using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Approvals.Endpoints;
using Platform.Workflows.Engine;

namespace Platform.Approvals;

/// <summary>Workflows: the engine's services, its timer dispatcher, the REST API and the task inbox.</summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigation<Menu>();
        services.AddWorkflowEngine(timers: configuration.GetValue("Platform:Workflows:FireTimers", true));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapProcessEndpoints();
        endpoints.MapInstanceEndpoints();
        endpoints.MapTaskEndpoints();
        endpoints.MapApprovalEndpoints();
    }
}
