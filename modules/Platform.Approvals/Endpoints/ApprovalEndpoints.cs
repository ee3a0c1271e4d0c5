using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Workflows.Engine;

namespace Platform.Approvals.Endpoints;

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
        var group = endpoints.MapGroup("/api/workflows/tasks/{id:guid}").WithTags("Workflows").RequireAuthorization();
        group.MapPost("/approve", Approve).WithName("ApproveTask").WithSummary("Approves: { variables, comment, attachments }.");
        group.MapPost("/reject", Reject).WithName("RejectTask").WithSummary("Rejects with a reason: { comment, variables, attachments }.");
        group.MapPost("/return", Return).WithName("ReturnTask").WithSummary("Returns to an earlier user task or the initiator: { target, comment, attachments }.");
        group.MapPost("/delegate", Delegate).WithName("DelegateTask").WithSummary("Hands the task to another user: { user, comment }.");
        group.MapPost("/signers", AddSigner).WithName("AddSigner").WithSummary("Adds a signer at this step: { user }.");
        group.MapPost("/claim", Claim).WithName("ClaimTask").WithSummary("Takes a task offered to a role or to several users.");
    }

    private static Task<IResult> Approve(Guid id, HttpContext context, WorkflowEngine engine) =>
        WithBodyAsync(context, async body =>
        {
            await engine.ApproveAsync(id, WorkflowActors.From(context.User), body.Variables, body.Comment, body.Files, context.RequestAborted);
            return Results.NoContent();
        });

    private static Task<IResult> Reject(Guid id, HttpContext context, WorkflowEngine engine) =>
        WithBodyAsync(context, async body =>
        {
            await engine.RejectAsync(id, WorkflowActors.From(context.User), body.Comment, body.Variables, body.Files, context.RequestAborted);
            return Results.NoContent();
        });

    private static Task<IResult> Return(Guid id, HttpContext context, WorkflowEngine engine) =>
        WithBodyAsync(context, async body =>
        {
            if (body.Text("target") is not { Length: > 0 } target)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: WorkflowResults.Text(context, "Workflows.Error.TargetRequired"));
            }

            await engine.ReturnAsync(id, WorkflowActors.From(context.User), target, body.Comment, body.Files, context.RequestAborted);
            return Results.NoContent();
        });

    private static Task<IResult> Delegate(Guid id, HttpContext context, WorkflowEngine engine) =>
        WithBodyAsync(context, async body =>
        {
            if (body.Text("user") is not { Length: > 0 } user)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: WorkflowResults.Text(context, "Workflows.Error.UserRequired"));
            }

            await engine.DelegateAsync(id, WorkflowActors.From(context.User), user, body.Comment, context.RequestAborted);
            return Results.NoContent();
        });

    private static Task<IResult> AddSigner(Guid id, HttpContext context, WorkflowEngine engine) =>
        WithBodyAsync(context, async body =>
        {
            if (body.Text("user") is not { Length: > 0 } user)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: WorkflowResults.Text(context, "Workflows.Error.UserRequired"));
            }

            var task = await engine.AddSignerAsync(id, WorkflowActors.From(context.User), user, context.RequestAborted);
            return Results.Created($"/api/workflows/tasks/{task}", new { id = task });
        });

    private static Task<IResult> Claim(Guid id, HttpContext context, WorkflowEngine engine) =>
        WorkflowResults.RunAsync(context, async () =>
        {
            await engine.ClaimAsync(id, WorkflowActors.From(context.User), context.RequestAborted);
            return Results.NoContent();
        });

    /// <summary>Reads the body (400 when it is not the right shape, attachments included), then runs the call with refusals answered.</summary>
    internal static async Task<IResult> WithBodyAsync(HttpContext context, Func<ActionBody, Task<IResult>> call)
    {
        if (await WorkflowResults.ReadBodyAsync(context) is not { } body)
        {
            return Results.Empty;
        }

        List<Guid>? files = null;
        if (body.Body.ValueKind == JsonValueKind.Object && body.Body.TryGetProperty("attachments", out var attachments) && attachments.ValueKind != JsonValueKind.Null)
        {
            files = attachments.ValueKind == JsonValueKind.Array
                ? [.. attachments.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String && Guid.TryParse(a.GetString(), out var g) ? g : Guid.Empty)]
                : [Guid.Empty];
            if (files.Contains(Guid.Empty))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: WorkflowResults.Text(context, "Workflows.Error.AttachmentsShape"));
            }
        }

        return await WorkflowResults.RunAsync(context, () => call(new ActionBody(body.Variables, body.Comment, files, body.Body)));
    }

    internal sealed record ActionBody(Dictionary<string, object?> Variables, string? Comment, IReadOnlyList<Guid>? Files, JsonElement Body)
    {
        public string? Text(string name) =>
            Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
