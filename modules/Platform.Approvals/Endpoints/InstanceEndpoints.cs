using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Records;
using Platform.Data.Workflows;
using Platform.Web.Security;
using Platform.Workflows.Engine;

namespace Platform.Approvals.Endpoints;

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

    private static async Task<IResult> Start(string key, HttpContext context, WorkflowEngine engine, RecordStore records)
    {
        if (await WorkflowResults.ReadBodyAsync(context) is not { } body)
        {
            return Results.Empty;
        }

        var (entity, recordId, refusal) = await BindingAsync(body.Body, context, records);
        return refusal ?? await WorkflowResults.RunAsync(context, async () =>
        {
            var instance = await engine.StartAsync(key, body.Variables, WorkflowActors.From(context.User), entity, recordId, context.RequestAborted);
            return Results.Created($"/api/workflows/instances/{instance.Id}", Describe(instance));
        });
    }

    private static async Task<IResult> StartByMessage(string name, HttpContext context, WorkflowEngine engine, RecordStore records)
    {
        if (await WorkflowResults.ReadBodyAsync(context) is not { } body)
        {
            return Results.Empty;
        }

        var (entity, recordId, refusal) = await BindingAsync(body.Body, context, records);
        return refusal ?? await WorkflowResults.RunAsync(context, async () =>
        {
            var started = await engine.StartByMessageAsync(name, body.Variables, WorkflowActors.From(context.User), entity, recordId, context.RequestAborted);
            return Results.Ok(new { instances = started.Select(Describe) });
        });
    }

    /// <summary>The record a process is to be bound to: both entity and recordId or neither, and one the starter may read (404 otherwise).</summary>
    private static async Task<(string? Entity, Guid? RecordId, IResult? Refusal)> BindingAsync(System.Text.Json.JsonElement request, HttpContext context, RecordStore records)
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
        if (entity is null || !Guid.TryParse(named, out var id) || await records.GetAsync(entity, id, actor: RecordActors.From(context.User)) is null)
        {
            return (null, null, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: WorkflowResults.Text(context, "Workflows.Error.NoSuchRecord", entity ?? "?", named ?? "?")));
        }

        return (entity, id, null);
    }

    private static async Task<IResult> List(string? status, PlatformDbContext db, CancellationToken cancellationToken) =>
        Results.Ok(await db.WorkflowInstances.AsNoTracking().Where(i => status == null || i.Status == status).OrderByDescending(i => i.Id).Take(200)
            .Select(i => new { i.Id, key = i.ProcessKey, i.Version, i.Status, i.Entity, i.RecordId, i.Initiator, i.StartedAt, i.EndedAt, i.Error })
            .ToListAsync(cancellationToken));

    private static async Task<IResult> Get(Guid id, HttpContext context, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (instance is null || !await MaySeeAsync(instance, context, db, cancellationToken))
        {
            return WorkflowResults.NotFound(context);
        }

        var tasks = await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var history = await db.WorkflowHistory.AsNoTracking().Where(h => h.InstanceId == id).OrderBy(h => h.Id)
            .Select(h => new { h.At, element = h.ElementId, @event = h.Event, h.Actor, h.Detail }).ToListAsync(cancellationToken);
        return Results.Ok(new
        {
            instance = Describe(instance),
            tasks = tasks.Select(TaskEndpoints.Describe),
            history,
        });
    }

    private static async Task<IResult> Message(Guid id, string name, HttpContext context, WorkflowEngine engine, PlatformDbContext db)
    {
        if (await WorkflowResults.ReadBodyAsync(context) is not { } body)
        {
            return Results.Empty;
        }

        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, context.RequestAborted);
        if (instance is null || !await MaySeeAsync(instance, context, db, context.RequestAborted))
        {
            return WorkflowResults.NotFound(context);
        }

        return await WorkflowResults.RunAsync(context, async () =>
            await engine.DeliverMessageAsync(id, name, body.Variables, WorkflowActors.From(context.User), context.RequestAborted)
                ? Results.Ok(new { delivered = true })
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: WorkflowResults.Text(context, "Workflows.Error.NoMessageWait", name)));
    }

    private static Task<IResult> Retry(Guid id, HttpContext context, WorkflowEngine engine) =>
        WorkflowResults.RunAsync(context, async () =>
        {
            return await engine.RetryAsync(id, WorkflowActors.From(context.User), context.RequestAborted)
                ? Results.NoContent()
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: WorkflowResults.Text(context, "Workflows.Error.NothingToRetry"));
        });

    private static Task<IResult> Cancel(Guid id, HttpContext context, WorkflowEngine engine) =>
        WorkflowResults.WithBodyAsync(context, async body =>
        {
            await engine.CancelAsync(id, WorkflowStatus.Cancelled, body.Comment, WorkflowActors.From(context.User), context.RequestAborted);
            return Results.NoContent();
        });

    /// <summary>Someone who cannot see the instance hears "no such instance", not who may withdraw it.</summary>
    private static async Task<IResult> Withdraw(Guid id, HttpContext context, WorkflowEngine engine, PlatformDbContext db)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, context.RequestAborted);
        if (instance is null || !await MaySeeAsync(instance, context, db, context.RequestAborted))
        {
            return WorkflowResults.NotFound(context);
        }

        return await WorkflowResults.WithBodyAsync(context, async body =>
        {
            await engine.WithdrawAsync(id, WorkflowActors.From(context.User), body.Comment, context.RequestAborted);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> Comment(Guid id, HttpContext context, WorkflowEngine engine, PlatformDbContext db)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, context.RequestAborted);
        if (instance is null || !await MaySeeAsync(instance, context, db, context.RequestAborted))
        {
            return WorkflowResults.NotFound(context);
        }

        return await WorkflowResults.WithBodyAsync(context, async body =>
        {
            if (string.IsNullOrWhiteSpace(body.Comment))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: WorkflowResults.Text(context, "Workflows.Error.CommentRequired"));
            }

            await engine.CommentAsync(id, WorkflowActors.From(context.User), body.Comment, body.Files, context.RequestAborted);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> Attachment(Guid id, Guid file, HttpContext context, PlatformDbContext db, Platform.Data.Files.FileStore store)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, context.RequestAborted);
        var stored = await db.StoredFiles.AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == file && f.RecordId == id && f.EntityKey == WorkflowEngine.AttachmentKey, context.RequestAborted);
        if (instance is null || stored is null || !await MaySeeAsync(instance, context, db, context.RequestAborted))
        {
            return WorkflowResults.NotFound(context);
        }

        return Results.Stream(store.Open(stored), stored.ContentType, stored.Name);
    }

    /// <summary>Admins, the initiator, and whoever has or had a task in it.</summary>
    internal static async Task<bool> MaySeeAsync(WorkflowInstance instance, HttpContext context, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var actor = WorkflowActors.From(context.User);
        if (WorkflowActors.IsAdministrator(context.User) || instance.Initiator == actor.UserId)
        {
            return true;
        }

        var tasks = await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == instance.Id).ToListAsync(cancellationToken);
        return tasks.Any(t => t.CompletedBy == actor.UserId || WorkflowEngine.MayAct(t, actor));
    }

    internal static object Describe(WorkflowInstance i) =>
        new { i.Id, key = i.ProcessKey, i.Version, i.Status, i.Entity, i.RecordId, i.Initiator, i.StartedAt, i.EndedAt, i.Error };
}
