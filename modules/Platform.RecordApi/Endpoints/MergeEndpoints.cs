using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.RecordApi.OData;
using Platform.Records.Merging;
using Platform.Web.Security;

namespace Platform.RecordApi.Endpoints;

/// <summary>
/// <c>POST /api/records/{entity}/{id}/merge</c> with <c>{ "version", "merged", "mergedVersion", "take": [ fields ] }</c>: merges
/// record <c>merged</c> into record <c>id</c> (which takes the merged one's values of the fields named), all or nothing; answers the
/// kept record's id and new version. <c>GET …/{entity}/merge/fields</c> names the fields the caller may take.
/// </summary>
public static class MergeEndpoints
{
    public static void MapMergeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var records = endpoints.MapGroup("/api/records").WithTags("Records");
        records.MapPost("/{entity}/{id:guid}/merge", MergeAsync).WithName("MergeRecords")
            .WithSummary("Merges another record into this one: { \"version\", \"merged\", \"mergedVersion\", \"take\": [ fields ] }; the other goes to the recycle bin.");
        records.MapGet("/{entity}/merge/fields", TakeableAsync).WithName("MergeableFields").WithSummary("The fields a merge may take from the other record.");
    }

    private static async Task<IResult> MergeAsync(string entity, Guid id, HttpContext context, IRecordMerging merging)
    {
        var body = await RequestBodies.ReadAsync<Body>(context);

        if (body is not { Version: { } version, Merged: { } merged, MergedVersion: { } mergedVersion })
        {
            return new ODataErrorResult(StatusCodes.Status400BadRequest, "BadRequest", Text(context)["Records.Merge.Error.Body"], null);
        }

        var result = await merging.MergeAsync(entity, id, version, merged, mergedVersion, body.Take ?? [], Actors.From(context.User), context.RequestAborted);
        return result.Succeeded
            ? TypedResults.Ok(new { id, rowVersion = result.Record?.GetValueOrDefault(SystemFields.RowVersion) })
            : RecordRefusals.Of(result.Outcome, result.Errors);
    }

    private static async Task<IResult> TakeableAsync(string entity, HttpContext context, IRecordMerging merging) =>
        await merging.TakeableAsync(entity, Actors.From(context.User), context.RequestAborted) is { } fields
            ? TypedResults.Ok(fields)
            : new ODataErrorResult(StatusCodes.Status404NotFound, "NotFound", Text(context)["Records.Error.UnknownEntity", entity], null);

    private static IStringLocalizer Text(HttpContext context) => context.RequestServices.GetRequiredService<IStringLocalizer>();

    private sealed record Body(int? Version, Guid? Merged, int? MergedVersion, List<string>? Take);
}
