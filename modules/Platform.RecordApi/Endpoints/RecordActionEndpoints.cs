using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.RecordApi.OData;
using Platform.Records;
using Platform.Web.Security;

namespace Platform.RecordApi.Endpoints;

/// <summary>
/// Record actions over HTTP: <c>POST /api/records/{entity}/{id}/actions/{action}</c> runs one on a record, and
/// <c>POST /api/records/{entity}/actions/{action}</c> with <c>{ "ids": [...] }</c> on several chosen in a list, all or nothing.
/// The answer says how many records were created and changed and which record to open next; a refusal answers as a refused
/// save does (403, 404, 409 when the action is not available for the record now, 400 with the script's message and line).
/// </summary>
public static class RecordActionEndpoints
{
    public static void MapRecordActionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/records/{entity}/{id:guid}/actions/{action}", (string entity, Guid id, string action, HttpContext context, IRecordActions actions) =>
                RunAsync(context, actions, entity, action, id))
            .WithTags("Records").WithName("RunRecordAction").WithSummary("Runs a record action on one record; the body may carry { \"input\": { … } }, the action's form.");
        endpoints.MapPost("/api/records/{entity}/actions/{action}", (string entity, string action, HttpContext context, IRecordActions actions) =>
                RunAsync(context, actions, entity, action, null))
            .WithTags("Records").WithName("RunRecordActionOnMany").WithSummary("Runs a record action on the records { \"ids\": [ … ], \"input\": { … } }, all or nothing.");
    }

    private static async Task<IResult> RunAsync(HttpContext context, IRecordActions actions, string entity, string action, Guid? id)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer>();
        Body? body;
        try
        {
            body = context.Request.ContentLength is 0 ? new Body(null, null)
                : await JsonSerializer.DeserializeAsync<Body>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
        }
        catch (JsonException e)
        {
            return new ODataErrorResult(StatusCodes.Status400BadRequest, "BadRequest", text["Records.Error.ActionBody", e.Message], null);
        }

        List<Guid> ids = id is { } one ? [one] : body?.Ids ?? [];
        if (ids.Count == 0)
        {
            return new ODataErrorResult(StatusCodes.Status400BadRequest, "BadRequest", text["Records.Error.ActionIds"], "ids");
        }

        var input = body?.Input?.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
        var result = await actions.RunActionAsync(entity, action, ids, Actors.From(context.User), input, context.RequestAborted);
        if (result.Succeeded)
        {
            return TypedResults.Ok(new
            {
                created = result.Created,
                updated = result.Updated,
                open = result.OpenEntity is null ? null : new { entity = result.OpenEntity, id = result.OpenId },
            });
        }

        return RecordRefusals.Of(result.Outcome, result.Errors);
    }

    /// <summary>The request: which records (for the bulk form) and the action's form as filled in.</summary>
    private sealed record Body(List<Guid>? Ids, Dictionary<string, JsonElement>? Input);
}
