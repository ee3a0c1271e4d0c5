using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.RecordApi.OData;
using Platform.Records.Documents;
using Platform.Web.Security;

namespace Platform.RecordApi.Endpoints;

/// <summary>
/// Submittable documents: <c>POST /api/records/{entity}/{id}/submit</c> and <c>…/cancel</c> with <c>{ "version": 3 }</c> (the row
/// version last read) answer the document's new status and version; <c>…/amend</c> answers the new draft's id (201).
/// </summary>
public static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var records = endpoints.MapGroup("/api/records").WithTags("Records");
        records.MapPost("/{entity}/{id:guid}/submit", SubmitAsync).WithName("SubmitDocument").WithSummary("Submits a draft document: { \"version\" }; it is then read-only.");
        records.MapPost("/{entity}/{id:guid}/cancel", CancelAsync).WithName("CancelDocument").WithSummary("Cancels a submitted document: { \"version\" }; its effects are reversed, it is kept.");
        records.MapPost("/{entity}/{id:guid}/amend", AmendAsync).WithName("AmendDocument").WithSummary("Copies a cancelled document into a new draft that points at it.");
    }

    private static Task<IResult> SubmitAsync(string entity, Guid id, HttpContext context, IRecordSubmission documents) =>
        StepAsync(context, (version, actor) => documents.SubmitAsync(entity, id, version, actor, context.RequestAborted), id);

    private static Task<IResult> CancelAsync(string entity, Guid id, HttpContext context, IRecordSubmission documents) =>
        StepAsync(context, (version, actor) => documents.CancelAsync(entity, id, version, actor, context.RequestAborted), id);

    private static async Task<IResult> AmendAsync(string entity, Guid id, HttpContext context, IRecordSubmission documents)
    {
        var result = await documents.AmendAsync(entity, id, Actors.From(context.User), context.RequestAborted);
        return result.Succeeded
            ? TypedResults.Created($"/odata/{entity}({result.Record![SystemFields.Id]})", new { id = result.Record[SystemFields.Id], amendedFrom = id })
            : RecordRefusals.Of(result.Outcome, result.Errors);
    }

    private static async Task<IResult> StepAsync(HttpContext context, Func<int, Platform.Core.Security.Actor, Task<Platform.Records.RecordResult>> step, Guid id)
    {
        var body = await RequestBodies.ReadAsync<Body>(context);
        if (body?.Version is not { } version)
        {
            var text = context.RequestServices.GetRequiredService<IStringLocalizer>();
            return new ODataErrorResult(StatusCodes.Status400BadRequest, "BadRequest", text["Records.Document.Error.Version"], "version");
        }

        var result = await step(version, Actors.From(context.User));
        return result.Succeeded
            ? TypedResults.Ok(new { id, docStatus = result.Record?.GetValueOrDefault(DocumentStatus.Field), rowVersion = result.Record?.GetValueOrDefault(SystemFields.RowVersion) })
            : RecordRefusals.Of(result.Outcome, result.Errors);
    }

    private sealed record Body(int? Version);
}
