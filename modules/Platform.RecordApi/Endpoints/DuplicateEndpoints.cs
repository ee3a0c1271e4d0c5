using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.RecordApi.OData;
using Platform.Records.Duplicates;
using Platform.Web.Security;

namespace Platform.RecordApi.Endpoints;

/// <summary>
/// <c>POST /api/records/{entity}/duplicates</c> with the values about to be saved (<c>{ "values": { … }, "except": id }</c>):
/// the records the entity's duplicate rules find, best first — the same answer a form shows while it is filled in.
/// </summary>
public static class DuplicateEndpoints
{
    public static void MapDuplicateEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/records").WithTags("Records")
            .MapPost("/{entity}/duplicates", FindAsync).WithName("FindDuplicates")
            .WithSummary("The records the entity's duplicate rules find for the values given: { \"values\": { … }, \"except\": id }.");

    private static async Task<IResult> FindAsync(string entity, HttpContext context, IDuplicateFinder finder)
    {
        var body = await RequestBodies.ReadAsync<Body>(context);

        var text = context.RequestServices.GetRequiredService<IStringLocalizer>();
        if (body?.Values is not { } values)
        {
            return new ODataErrorResult(StatusCodes.Status400BadRequest, "BadRequest", text["Records.Duplicate.Body"], "values");
        }

        var found = await finder.FindAsync(entity, values.ToDictionary(p => p.Key, p => (object?)p.Value), body.Except, Actors.From(context.User), context.RequestAborted);
        return found is null
            ? new ODataErrorResult(StatusCodes.Status404NotFound, "NotFound", text["Records.Error.UnknownEntity", entity], null)
            : TypedResults.Ok(found.Select(m => new { rule = m.Rule, label = m.Label, blocks = m.Blocks, score = Math.Round(m.Score, 3), id = m.RecordId, title = m.Title }));
    }

    private sealed record Body(Dictionary<string, JsonElement>? Values, Guid? Except);
}
