using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Web.Security;

namespace Platform.Workflows.Endpoints;

/// <summary>
/// Task actions on a task the caller can see nothing of — not theirs, and in a process they neither
/// started nor took part in — answer "no such task", exactly as for an id that does not exist. Who
/// can see the process still hears "not your task" (403), which tells them nothing new.
/// </summary>
internal static class TaskVisibilityFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (context.Request.RouteValues.TryGetValue("id", out var value) && Guid.TryParse(value?.ToString(), out var id))
        {
            var queries = context.RequestServices.GetRequiredService<IWorkflowQueries>();
            var instance = await queries.InstanceOfTaskAsync(id, context.RequestAborted);
            if (instance is not null && !await queries.MaySeeAsync(instance, Actors.From(context.User), context.RequestAborted))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: WorkflowResults.Text(context, "Workflows.Error.NoSuchTask"));
            }
        }

        return await next(invocation);
    }
}
