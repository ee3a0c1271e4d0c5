using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Web.Forms;
using Platform.Web.Home;
using Platform.Workflows.Endpoints;

namespace Platform.Workflows;

/// <summary>
/// The workflow module: the REST API and the task inbox over the engine it asks the platform for
/// (platform/Platform.Bpmn, reached through Platform.Workflows.Abstractions only). It builds on the
/// platform only, so it declares no [DependsOn]; switched off, no engine is added, so no process
/// starts, runs or shows.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigation<Menu>();
        services.AddRecordFormPart<Components.Approvals.ApprovalPanel>(order: 100);
        services.AddDashboardPart<Components.Dashboard.MyTasksPart>("tasks");
        services.RequestWorkflowEngine(fireTimers: configuration.GetValue("Platform:Workflows:FireTimers", true));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapProcessEndpoints();
        endpoints.MapInstanceEndpoints();
        endpoints.MapTaskEndpoints();
        endpoints.MapApprovalEndpoints();
    }
}
