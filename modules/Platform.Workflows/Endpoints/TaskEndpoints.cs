using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Web.Security;

namespace Platform.Workflows.Endpoints;

/// <summary><c>/api/workflows/tasks</c>: my open tasks (assigned to me, or offered to me or my roles) and completing one.</summary>
public static class TaskEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/workflows/tasks").WithTags("Workflows").RequireAuthorization();
        group.MapGet("/mine", Mine).WithName("MyTasks").WithSummary("Open tasks the signed-in user may act on, oldest first.");
        group.MapPost("/{id:guid}/complete", Complete).AddEndpointFilter(TaskVisibilityFilter.InvokeAsync).WithName("CompleteTask").WithSummary("Completes a task: { variables, comment }.");
    }

    private static async Task<IResult> Mine(HttpContext context, IWorkflowQueries queries, CancellationToken cancellationToken) =>
        Results.Ok((await queries.OfferedToAsync(Actors.From(context.User), cancellationToken)).Select(Describe));

    private static Task<IResult> Complete(Guid id, HttpContext context, IWorkflowEngine engine) =>
        WorkflowResults.WithBodyAsync(context, async body =>
        {
            await engine.CompleteTaskAsync(id, Actors.From(context.User), body.Variables, "completed", body.Comment, context.RequestAborted);
            return Results.NoContent();
        });

    internal static object Describe(WorkflowTask t) => new
    {
        t.Id, instanceId = t.InstanceId, element = t.ElementId, t.Name, t.Assignee,
        candidateUsers = t.CandidateUsers.Split('|', StringSplitOptions.RemoveEmptyEntries),
        candidateRoles = t.CandidateRoles.Split('|', StringSplitOptions.RemoveEmptyEntries),
        t.IsOpen, t.Outcome, t.Comment, t.CreatedAt, t.DueAt, t.CompletedAt, t.CompletedBy, key = t.ProcessKey, t.Entity, t.RecordId,
    };
}
