using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.RecordApi.OData;
using Platform.Records.Sharing;
using Platform.Web.Security;

namespace Platform.RecordApi.Endpoints;

/// <summary>
/// Sharing over HTTP: <c>GET|POST /api/records/{entity}/{id}/shares</c> lists the record's shares or adds one
/// (<c>{ "userId" | "departmentId", "access": "read" | "edit" }</c>), <c>DELETE …/shares/{shareId}</c> takes one back, and
/// <c>POST /api/records/transfer</c> (<c>{ "from", "to", "entities": [ … ] }</c>) hands every record one person owns to another.
/// </summary>
public static class RecordShareEndpoints
{
    public static void MapRecordShareEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var records = endpoints.MapGroup("/api/records").WithTags("Records");
        records.MapGet("/{entity}/{id:guid}/shares", ListAsync).WithName("ListRecordShares").WithSummary("Whom the record is shared with.");
        records.MapPost("/{entity}/{id:guid}/shares", ShareAsync).WithName("ShareRecord")
            .WithSummary("Shares the record with a person or a department: { \"userId\" | \"departmentId\", \"access\": \"read\" | \"edit\" }.");
        records.MapDelete("/{entity}/{id:guid}/shares/{shareId:long}", UnshareAsync).WithName("UnshareRecord").WithSummary("Stops sharing the record that way.");
        records.MapGet("/transfer", TransferableAsync).WithName("TransferableRecords")
            .WithSummary("The entities whose records the caller may hand on, with how many each person (?from=) owns.");
        records.MapPost("/transfer", TransferAsync).WithName("TransferRecords")
            .WithSummary("Gives every record one person owns, of the entities named, to another: { \"from\", \"to\", \"entities\": [ … ] }, all or nothing.");
    }

    private static async Task<IResult> ListAsync(string entity, Guid id, HttpContext context, IRecordSharing sharing)
    {
        var shares = await sharing.SharesAsync(entity, id, Actors.From(context.User), context.RequestAborted);
        return shares is null ? NotFound(context) : TypedResults.Ok(shares.Select(Describe));
    }

    private static async Task<IResult> ShareAsync(string entity, Guid id, HttpContext context, IRecordSharing sharing)
    {
        if (await RequestBodies.ReadAsync<ShareBody>(context) is not { } body)
        {
            return BadBody(context);
        }

        if (body.Access is not ("read" or "edit"))
        {
            return new ODataErrorResult(StatusCodes.Status400BadRequest, "BadRequest", Text(context)["Records.Share.Error.Access"], "access");
        }

        var actor = Actors.From(context.User);
        var result = await sharing.ShareAsync(entity, id, body.UserId, body.DepartmentId, body.Access == "edit", actor, context.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok((await sharing.SharesAsync(entity, id, actor, context.RequestAborted) ?? []).Select(Describe))
            : RecordRefusals.Of(result.Outcome, result.Errors);
    }

    private static async Task<IResult> UnshareAsync(string entity, Guid id, long shareId, HttpContext context, IRecordSharing sharing)
    {
        var result = await sharing.UnshareAsync(entity, id, shareId, Actors.From(context.User), context.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent() : RecordRefusals.Of(result.Outcome, result.Errors);
    }

    private static async Task<IResult> TransferableAsync(string? from, HttpContext context, IRecordSharing sharing)
    {
        if (string.IsNullOrEmpty(from))
        {
            return new ODataErrorResult(StatusCodes.Status400BadRequest, "BadRequest", Text(context)["Records.Transfer.Error.From"], "from");
        }

        return await sharing.TransferableAsync(from, Actors.From(context.User), context.RequestAborted) is { } kinds
            ? TypedResults.Ok(kinds.Select(t => new { entity = t.Entity, owned = t.Owned }))
            : new ODataErrorResult(StatusCodes.Status404NotFound, "NotFound", Text(context)["Records.Share.Error.NoSuchUser"], "from");
    }

    private static async Task<IResult> TransferAsync(HttpContext context, IRecordSharing sharing)
    {
        if (await RequestBodies.ReadAsync<TransferBody>(context) is not { From: { } from, To: { } to } body)
        {
            return BadBody(context);
        }

        var result = await sharing.TransferAsync(from, to, body.Entities ?? [], Actors.From(context.User), context.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(new { moved = result.Moved }) : RecordRefusals.Of(result.Outcome, result.Errors);
    }

    private static object Describe(RecordShare share) => new
    {
        share.Id, share.UserId, share.DepartmentId, access = share.CanEdit ? "edit" : "read", share.SharedBy, share.SharedAt,
    };

    private static IStringLocalizer Text(HttpContext context) => context.RequestServices.GetRequiredService<IStringLocalizer>();

    private static ODataErrorResult BadBody(HttpContext context) =>
        new(StatusCodes.Status400BadRequest, "BadRequest", Text(context)["Records.Share.Error.Body"], null);

    private static ODataErrorResult NotFound(HttpContext context) =>
        new(StatusCodes.Status404NotFound, "NotFound", Text(context)["Records.Error.NotFound"], null);

    private sealed record ShareBody(string? UserId, string? DepartmentId, string? Access);

    private sealed record TransferBody(string? From, string? To, List<string>? Entities);
}
