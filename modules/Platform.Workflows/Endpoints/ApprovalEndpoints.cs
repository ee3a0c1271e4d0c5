using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Web.Security;

namespace Platform.Workflows.Endpoints;

/// <summary>
/// <c>/api/workflows/tasks/{id}/…</c>: what an approver does with a task — approve, reject (a reason
/// is required), return to an earlier task or the initiator, delegate, add a signer, claim. Bodies are
/// <c>{ variables, comment, attachments: [fileId…] }</c> plus <c>target</c> (return) or <c>user</c>
/// (delegate, add signer); attachments are files the user uploaded through <c>/api/files</c>.
/// </summary>
public static class ApprovalEndpoints
{
    public static void MapApprovalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/workflows/tasks/{id:guid}").WithTags("Workflows").RequireAuthorization().AddEndpointFilter(TaskVisibilityFilter.InvokeAsync);
        group.MapPost("/approve", Approve).WithName("ApproveTask").WithSummary("Approves: { variables, comment, attachments }.");
        group.MapPost("/reject", Reject).WithName("RejectTask").WithSummary("Rejects with a reason: { comment, variables, attachments }.");
        group.MapPost("/return", Return).WithName("ReturnTask").WithSummary("Returns to an earlier user task or the initiator: { target, comment, attachments }.");
        group.MapPost("/delegate", Delegate).WithName("DelegateTask").WithSummary("Hands the task to another user: { user, comment }.");
        group.MapPost("/signers", AddSigner).WithName("AddSigner").WithSummary("Adds a signer at this step: { user }.");
        group.MapPost("/claim", Claim).WithName("ClaimTask").WithSummary("Takes a task offered to a role or to several users.");
    }

    private static Task<IResult> Approve(Guid id, HttpContext context, IWorkflowEngine engine) =>
        WorkflowResults.WithBodyAsync(context, async body =>
        {
            await engine.ApproveAsync(id, Actors.From(context.User), body.Variables, body.Comment, body.Files, context.RequestAborted);
            return Results.NoContent();
        });

    private static Task<IResult> Reject(Guid id, HttpContext context, IWorkflowEngine engine) =>
        WorkflowResults.WithBodyAsync(context, async body =>
        {
            await engine.RejectAsync(id, Actors.From(context.User), body.Comment, body.Variables, body.Files, context.RequestAborted);
            return Results.NoContent();
        });

    private static Task<IResult> Return(Guid id, HttpContext context, IWorkflowEngine engine) =>
        WorkflowResults.WithBodyAsync(context, async body =>
        {
            if (body.Text("target") is not { Length: > 0 } target)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: WorkflowResults.Text(context, "Workflows.Error.TargetRequired"));
            }

            await engine.ReturnAsync(id, Actors.From(context.User), target, body.Comment, body.Files, context.RequestAborted);
            return Results.NoContent();
        });

    private static Task<IResult> Delegate(Guid id, HttpContext context, IWorkflowEngine engine) =>
        WorkflowResults.WithBodyAsync(context, async body =>
        {
            if (body.Text("user") is not { Length: > 0 } user)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: WorkflowResults.Text(context, "Workflows.Error.UserRequired"));
            }

            await engine.DelegateAsync(id, Actors.From(context.User), user, body.Comment, context.RequestAborted);
            return Results.NoContent();
        });

    private static Task<IResult> AddSigner(Guid id, HttpContext context, IWorkflowEngine engine) =>
        WorkflowResults.WithBodyAsync(context, async body =>
        {
            if (body.Text("user") is not { Length: > 0 } user)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: WorkflowResults.Text(context, "Workflows.Error.UserRequired"));
            }

            var task = await engine.AddSignerAsync(id, Actors.From(context.User), user, context.RequestAborted);
            return Results.Created($"/api/workflows/tasks/{task}", new { id = task });
        });

    private static Task<IResult> Claim(Guid id, HttpContext context, IWorkflowEngine engine) =>
        WorkflowResults.RunAsync(context, async () =>
        {
            await engine.ClaimAsync(id, Actors.From(context.User), context.RequestAborted);
            return Results.NoContent();
        });
}
