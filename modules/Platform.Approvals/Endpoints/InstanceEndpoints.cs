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
/// <c>/api/workflows</c> instances: start a process (bound to a record the user may read), see an
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
        group.MapGet("/instances", List).WithName("ListInstances").WithSummary("Instances by status (admins), newest first.").RequireAuthorization(Permissions.Administer);
        group.MapGet("/instances/{id:guid}", Get).WithName("GetInstance").WithSummary("An instance with its open tasks and history.");
        group.MapPost("/instances/{id:guid}/messages/{name}", Message).WithName("DeliverMessage").WithSummary("Delivers a message to what waits for it.");
        group.MapPost("/instances/{id:guid}/retry", Retry).WithName("RetryInstance").WithSummary("Runs failed steps again.").RequireAuthorization(Permissions.Administer);
        group.MapPost("/instances/{id:guid}/cancel", Cancel).WithName("CancelInstance").WithSummary("Ends the instance, cancelling its tasks and timers.").RequireAuthorization(Permissions.Administer);
    }

    private static async Task<IResult> Start(string key, HttpContext context, WorkflowEngine engine, RecordStore records)
    {
        if (await WorkflowResults.ReadBodyAsync(context) is not { } body)
        {
            return Results.Empty;
        }

        string? entity = null;
        Guid? recordId = null;
        if (body.Body.ValueKind == System.Text.Json.JsonValueKind.Object && body.Body.TryGetProperty("entity", out var e) && body.Body.TryGetProperty("recordId", out var r))
        {
            entity = e.GetString();
            if (!Guid.TryParse(r.GetString(), out var id) || entity is null || await records.GetAsync(entity, id, actor: RecordActors.From(context.User)) is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no {entity} record {r} you may read.");
            }

            recordId = id;
        }

        return await WorkflowResults.RunAsync(async () =>
        {
            var instance = await engine.StartAsync(key, body.Variables, WorkflowActors.From(context.User), entity, recordId, context.RequestAborted);
            return Results.Created($"/api/workflows/instances/{instance.Id}", Describe(instance));
        });
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
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such process instance you may see.");
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
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such process instance you may see.");
        }

        return await WorkflowResults.RunAsync(async () =>
            await engine.DeliverMessageAsync(id, name, body.Variables, WorkflowActors.From(context.User), context.RequestAborted)
                ? Results.Ok(new { delivered = true })
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Nothing in the instance waits for the message '{name}'."));
    }

    private static Task<IResult> Retry(Guid id, HttpContext context, WorkflowEngine engine) =>
        WorkflowResults.RunAsync(async () =>
        {
            await engine.RetryAsync(id, WorkflowActors.From(context.User), context.RequestAborted);
            return Results.NoContent();
        });

    private static async Task<IResult> Cancel(Guid id, HttpContext context, WorkflowEngine engine)
    {
        var body = await WorkflowResults.ReadBodyAsync(context);
        return await WorkflowResults.RunAsync(async () =>
        {
            await engine.CancelAsync(id, WorkflowStatus.Cancelled, body?.Comment, WorkflowActors.From(context.User), context.RequestAborted);
            return Results.NoContent();
        });
    }

    /// <summary>Admins, the initiator, and whoever has or had a task in it.</summary>
    private static async Task<bool> MaySeeAsync(WorkflowInstance instance, HttpContext context, PlatformDbContext db, CancellationToken cancellationToken)
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
