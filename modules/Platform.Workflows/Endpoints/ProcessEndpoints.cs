using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Workflows.Approvals;

namespace Platform.Workflows.Endpoints;

/// <summary><c>/api/workflows/processes</c>: deploy a BPMN file (the request body) and list deployed versions.</summary>
public static class ProcessEndpoints
{
    public static void MapProcessEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/workflows/processes").WithTags("Workflows").RequireAuthorization();
        group.MapGet("/", List).WithName("ListProcesses").WithSummary("Every deployed process with its versions.");
        group.MapPost("/", Deploy).Accepts<string>("application/xml", "text/xml", "application/octet-stream").WithName("DeployProcess").WithSummary("Deploys a BPMN 2.0 file (the body): each executable process becomes a new version.")
            .RequireAuthorization(Permissions.Deploy);
    }

    private static async Task<IResult> List(IWorkflowQueries queries, CancellationToken cancellationToken) =>
        Results.Ok(await queries.DeployedAsync(cancellationToken));

    private static async Task<IResult> Deploy(HttpContext context, IWorkflowDeployment deployment)
    {
        if (await WorkflowResults.ReadAtMostAsync(context, IWorkflowDeployment.MaxFileBytes) is not { } content)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: WorkflowResults.Text(context, "Workflows.Error.FileTooLarge", IWorkflowDeployment.MaxFileBytes / 1024 / 1024));
        }

        var result = await deployment.DeployAsync(content, context.User.Identity!.Name!, context.RequestAborted);
        if (result.Problems.Count > 0)
        {
            // Each problem in the caller's language (Accept-Language or their setting), with its code and the engine's own words.
            var localizer = context.RequestServices.GetRequiredService<IStringLocalizer>();
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: WorkflowResults.Text(context, "Workflows.Error.NotDeployed"),
                extensions: new Dictionary<string, object?>
                {
                    ["problems"] = result.Problems.Select(p => new { element = p.ElementId, where = p.Where, code = p.Code, text = ModelerText.Problem(localizer, p), message = p.Message }),
                });
        }

        return Results.Ok(new { deployed = result.Deployed.Select(d => new { key = d.Process, version = d.Version }), unchanged = result.Unchanged });
    }
}
