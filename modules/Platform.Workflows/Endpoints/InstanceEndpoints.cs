using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.Files;
using Platform.Web.Security;

namespace Platform.Workflows.Endpoints;

/// <summary>
/// <c>/api/workflows</c> instances: start a process (bound to a record the user may read) by its key or
/// by a message its start event catches, see an
/// instance with its open tasks and timeline (its initiator, its participants and admins), deliver
/// a message, retry an incident or cancel (admins).
/// </summary>
public static class InstanceEndpoints
{
    public static void MapInstanceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization();
        group.MapPost("/processes/{key}/instances", Start).WithName("StartProcess")
            .WithSummary("Starts the latest version: { variables, entity, recordId }.");
        group.MapPost("/messages/{name}", StartByMessage).WithName("StartByMessage")
            .WithSummary("Starts every process whose start event catches the message: { variables, entity, recordId }.");
        group.MapGet("/instances", List).WithName("ListInstances").WithSummary("Instances by status (admins), newest first.").RequireAuthorization(Permissions.Administer);
        group.MapGet("/instances/{id:guid}", Get).WithName("GetInstance").WithSummary("An instance with its open tasks and history.");
        group.MapPost("/instances/{id:guid}/messages/{name}", Message).WithName("DeliverMessage").WithSummary("Delivers a message to what waits for it.");
        group.MapPost("/instances/{id:guid}/retry", Retry).WithName("RetryInstance").WithSummary("Runs failed steps again.").RequireAuthorization(Permissions.Administer);
        group.MapPost("/instances/{id:guid}/withdraw", Withdraw).WithName("WithdrawInstance").WithSummary("The initiator takes the request back: { comment }.");
        group.MapPost("/instances/{id:guid}/comments", Comment).WithName("CommentInstance").WithSummary("A comment on the timeline: { comment, attachments }.");
        group.MapGet("/instances/{id:guid}/attachments/{file:guid}", Attachment).WithName("InstanceAttachment").WithSummary("A file attached to the instance.");
        group.MapPost("/instances/{id:guid}/cancel", Cancel).WithName("CancelInstance").WithSummary("Ends the instance, cancelling its tasks and timers.").RequireAuthorization(Permissions.Administer);
    }

    private static async Task<IResult> Start(string key, HttpContext context, IWorkflowEngine engine, IRecordStore records)
    {
        if (await WorkflowResults.ReadBodyAsync(context) is not { } body)
        {
            return Results.Empty;
        }

        var (entity, recordId, refusal) = await BindingAsync(body.Body, context, records);
        return refusal ?? await WorkflowResults.RunAsync(context, async () =>
        {
            var instance = await engine.StartAsync(key, body.Variables, Actors.From(context.User), entity, recordId, context.RequestAborted);
            return Results.Created($"/api/workflows/instances/{instance.Id}", Describe(instance));
        });
    }

    private static async Task<IResult> StartByMessage(string name, HttpContext context, IWorkflowEngine engine, IRecordStore records)
    {
        if (await WorkflowResults.ReadBodyAsync(context) is not { } body)
        {
            return Results.Empty;
        }

        var (entity, recordId, refusal) = await BindingAsync(body.Body, context, records);
        return refusal ?? await WorkflowResults.RunAsync(context, async () =>
        {
            var started = await engine.StartByMessageAsync(name, body.Variables, Actors.From(context.User), entity, recordId, context.RequestAborted);
            return Results.Ok(new { instances = started.Select(Describe) });
        });
    }

    /// <summary>The record a process is to be bound to: both entity and recordId or neither, and one the starter may read (404 otherwise).</summary>
    private static async Task<(string? Entity, Guid? RecordId, IResult? Refusal)> BindingAsync(System.Text.Json.JsonElement request, HttpContext context, IRecordStore records)
    {
        var hasEntity = request.ValueKind == System.Text.Json.JsonValueKind.Object && request.TryGetProperty("entity", out _);
        var hasRecord = request.ValueKind == System.Text.Json.JsonValueKind.Object && request.TryGetProperty("recordId", out _);
        if (!hasEntity && !hasRecord)
        {
            return (null, null, null);
        }

        var e = hasEntity ? request.GetProperty("entity") : default;
        var r = hasRecord ? request.GetProperty("recordId") : default;
        var entity = e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString() : null;
        var named = r.ValueKind == System.Text.Json.JsonValueKind.String ? r.GetString() : null;
        if (entity is null || !Guid.TryParse(named, out var id) || await records.GetAsync(entity, id, actor: Actors.From(context.User)) is null)
        {
            return (null, null, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: WorkflowResults.Text(context, "Workflows.Error.NoSuchRecord", entity ?? "?", named ?? "?")));
        }

        return (entity, id, null);
    }

    private static async Task<IResult> List(string? status, IWorkflowQueries queries, CancellationToken cancellationToken) =>
        Results.Ok((await queries.InstancesAsync(status, 200, cancellationToken)).Select(Describe));

    private static async Task<IResult> Get(Guid id, HttpContext context, IWorkflowQueries queries, CancellationToken cancellationToken)
    {
        if (await queries.VisibleInstanceAsync(id, Actors.From(context.User), cancellationToken) is not { } instance)
        {
            return WorkflowResults.NotFound(context);
        }

        var tasks = await queries.TasksOfAsync(id, cancellationToken);
        var history = (await queries.HistoryOfAsync(id, cancellationToken)).Select(h => new { h.At, element = h.ElementId, @event = h.Event, h.Actor, h.Detail });
        return Results.Ok(new
        {
            instance = Describe(instance),
            tasks = tasks.Select(TaskEndpoints.Describe),
            history,
        });
    }

    private static async Task<IResult> Message(Guid id, string name, HttpContext context, IWorkflowEngine engine, IWorkflowQueries queries)
    {
        if (await WorkflowResults.ReadBodyAsync(context) is not { } body)
        {
            return Results.Empty;
        }

        if (await queries.VisibleInstanceAsync(id, Actors.From(context.User), context.RequestAborted) is null)
        {
            return WorkflowResults.NotFound(context);
        }

        return await WorkflowResults.RunAsync(context, async () =>
            await engine.DeliverMessageAsync(id, name, body.Variables, Actors.From(context.User), context.RequestAborted)
                ? Results.Ok(new { delivered = true })
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: WorkflowResults.Text(context, "Workflows.Error.NoMessageWait", name)));
    }

    private static Task<IResult> Retry(Guid id, HttpContext context, IWorkflowEngine engine) =>
        WorkflowResults.RunAsync(context, async () =>
        {
            return await engine.RetryAsync(id, Actors.From(context.User), context.RequestAborted)
                ? Results.NoContent()
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: WorkflowResults.Text(context, "Workflows.Error.NothingToRetry"));
        });

    private static Task<IResult> Cancel(Guid id, HttpContext context, IWorkflowEngine engine) =>
        WorkflowResults.WithBodyAsync(context, async body =>
        {
            await engine.CancelAsync(id, WorkflowStatus.Cancelled, body.Comment, Actors.From(context.User), context.RequestAborted);
            return Results.NoContent();
        });

    /// <summary>Someone who cannot see the instance hears "no such instance", not who may withdraw it.</summary>
    private static async Task<IResult> Withdraw(Guid id, HttpContext context, IWorkflowEngine engine, IWorkflowQueries queries)
    {
        if (await queries.VisibleInstanceAsync(id, Actors.From(context.User), context.RequestAborted) is null)
        {
            return WorkflowResults.NotFound(context);
        }

        return await WorkflowResults.WithBodyAsync(context, async body =>
        {
            await engine.WithdrawAsync(id, Actors.From(context.User), body.Comment, context.RequestAborted);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> Comment(Guid id, HttpContext context, IWorkflowEngine engine, IWorkflowQueries queries)
    {
        if (await queries.VisibleInstanceAsync(id, Actors.From(context.User), context.RequestAborted) is null)
        {
            return WorkflowResults.NotFound(context);
        }

        return await WorkflowResults.WithBodyAsync(context, async body =>
        {
            if (string.IsNullOrWhiteSpace(body.Comment))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: WorkflowResults.Text(context, "Workflows.Error.CommentRequired"));
            }

            await engine.CommentAsync(id, Actors.From(context.User), body.Comment, body.Files, context.RequestAborted);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> Attachment(Guid id, Guid file, HttpContext context, IWorkflowQueries queries, IFileStore store)
    {
        var stored = await queries.AttachmentAsync(id, file, context.RequestAborted);
        if (stored is null || await queries.VisibleInstanceAsync(id, Actors.From(context.User), context.RequestAborted) is null)
        {
            return WorkflowResults.NotFound(context);
        }

        return Results.Stream(await store.OpenAsync(stored, context.RequestAborted), stored.ContentType, stored.Name);
    }

    internal static object Describe(WorkflowInstance i) =>
        new { i.Id, key = i.ProcessKey, i.Version, i.Status, i.Entity, i.RecordId, i.Initiator, i.StartedAt, i.EndedAt, i.Error };
}
