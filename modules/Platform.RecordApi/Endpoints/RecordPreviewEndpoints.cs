using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Records;
using Platform.Web.Security;

namespace Platform.RecordApi.Endpoints;

/// <summary>
/// <c>POST /api/records/{entity}/preview[?id=…]</c> with the values being edited (the same body as an
/// OData POST or PATCH): what saving them would give — computed fields and lines recomputed by the
/// rules, every refused value, and each field's form state (visible, read-only, required) — with
/// nothing written. Generated forms call it as the user types, naming what was just typed with
/// <c>edited=lines[2].priceWithTax</c> (repeatable): only those fields' change rules run, and the answer's
/// <c>setByRules</c> lists the fields they set.
/// </summary>
public static class RecordPreviewEndpoints
{
    public static void MapRecordPreviewEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/records/{entity}/preview", Preview).WithTags("Records").WithName("PreviewRecord")
            .WithSummary("Runs a save through every check and rule without writing: the record, its errors and its form state.");

    private static async Task<IResult> Preview(string entity, Guid? id, HttpContext context, IRecordStore records)
    {
        var (values, refusal) = await ODataWriteEndpoints.ReadValuesAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var edited = context.Request.Query["edited"].Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!).ToList();
        var preview = await records.PreviewAsync(entity, id, values!, Actors.From(context.User), edited.Count == 0 ? null : edited, context.RequestAborted);
        if (preview is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: id is null ? $"There is no entity '{entity}'." : $"There is no {entity} with id {id}.");
        }

        return TypedResults.Json(new
        {
            record = preview.Record,
            errors = preview.Errors.Select(e => new { field = e.Field, message = e.Message }),
            fields = preview.Fields,
            setByRules = preview.SetByRules,
        });
    }
}
