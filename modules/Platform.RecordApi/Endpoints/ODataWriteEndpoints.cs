using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Security;
using Platform.Core.Security;
using Platform.RecordApi.OData;
using Platform.Records;
using Platform.Web.Endpoints;
using Platform.Web.Security;

namespace Platform.RecordApi.Endpoints;

/// <summary>
/// Creating, changing and deleting records through OData: <c>POST /odata/{set}</c>,
/// <c>PATCH /odata/{set}({id})</c> and <c>DELETE /odata/{set}({id})</c>. <c>If-Match</c> carries the
/// row version (<c>W/"3"</c>); a stale one answers 412 and overwrites nothing.
/// </summary>
public static class ODataWriteEndpoints
{
    public const long MaxRecordBytes = 4 * 1024 * 1024;

    public static void MapODataWriteEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The API document describes each entity's paths instead (OpenApi/EntityOperations).
        var odata = endpoints.MapGroup("/odata").WithTags("OData").ExcludeFromDescription();
        odata.MapPost("/{set}", Create).WithName("ODataCreate").WithSummary("Creates a record; 201 with the record and its ETag.");
        odata.MapPatch("/{set}({id:guid})", Update).WithName("ODataUpdate").WithSummary("Changes the given fields; If-Match guards against lost updates.");
        odata.MapDelete("/{set}({id:guid})", Delete).WithName("ODataDelete").WithSummary("Moves the record to the recycle bin.");
    }

    private static async Task<IResult> Create(string set, HttpContext context, IRecordStore records)
    {
        var (values, refusal) = await ReadValuesAsync(context);
        if (refusal is not null)
        {
            return refusal;
        }

        var result = await records.CreateAsync(set, values!, Actor(context.User), context.RequestAborted);
        return (IResult?)Failure(context, result, set)
            ?? Entity(context, StatusCodes.Status201Created, set, result.Record!, $"{ODataAddress.ServiceRoot(context.Request)}{set}({result.Record!["id"]})");
    }

    private static async Task<IResult> Update(string set, Guid id, HttpContext context, IRecordStore records)
    {
        var (values, refusal) = await ReadValuesAsync(context);
        var (expected, stale) = refusal is null ? await ExpectedVersionAsync(context, set, id, records) : (null, null);
        if ((refusal ?? stale) is { } refused)
        {
            return refused;
        }

        var result = await records.UpdateAsync(set, id, expected!.Value, values!, Actor(context.User), context.RequestAborted);
        return (IResult?)Failure(context, result, set) ?? Entity(context, StatusCodes.Status200OK, set, result.Record!);
    }

    private static async Task<IResult> Delete(string set, Guid id, HttpContext context, IRecordStore records)
    {
        var (expected, refusal) = await ExpectedVersionAsync(context, set, id, records);
        if (refusal is not null)
        {
            return refusal;
        }

        var result = await records.DeleteAsync(set, id, expected!.Value, Actor(context.User), context.RequestAborted);
        return (IResult?)Failure(context, result, set) ?? TypedResults.NoContent();
    }

    /// <summary>The body as field values, or the error to answer: too large, not JSON, not an object.</summary>
    internal static async Task<(Dictionary<string, object?>? Values, IResult? Refusal)> ReadValuesAsync(HttpContext context)
    {
        if (await RequestBody.ReadAtMostAsync(context.Request, MaxRecordBytes, context.RequestAborted) is not { } body)
        {
            return (null, new ODataErrorResult(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"A record has at most {MaxRecordBytes / 1024 / 1024} MB; nothing was saved.", null));
        }

        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body.Span);
            if (values is not null)
            {
                // Annotations such as @odata.etag that clients echo back are not fields.
                return (values.Where(p => !p.Key.Contains('@', StringComparison.Ordinal)).ToDictionary(p => p.Key, p => (object?)p.Value), null);
            }
        }
        catch (JsonException e)
        {
            return (null, new ODataErrorResult(StatusCodes.Status400BadRequest, "BadRequest", $"The body must be a JSON object of field values: {e.Message.Split(" Path:", 2)[0]}", e.Path));
        }

        return (null, new ODataErrorResult(StatusCodes.Status400BadRequest, "BadRequest", "The body must be a JSON object of field values.", null));
    }

    /// <summary>The row version from If-Match, or the current one when the client sends none or <c>*</c>; or the error to answer.</summary>
    private static async Task<(int? Version, IResult? Refusal)> ExpectedVersionAsync(HttpContext context, string set, Guid id, IRecordStore records)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        if (header.Length > 0 && header != "*")
        {
            var text = header.Replace("W/", "", StringComparison.Ordinal).Trim('"', ' ');
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? (version, null)
                : (null, new ODataErrorResult(StatusCodes.Status400BadRequest, "BadRequest", $"If-Match must be an ETag this service issued, like W/\"3\"; got {header}.", "If-Match"));
        }

        var current = await records.GetAsync(set, id, actor: Actor(context.User), cancellationToken: context.RequestAborted);
        return current is null
            ? (null, new ODataErrorResult(StatusCodes.Status404NotFound, "NotFound", $"There is no {set} with id {id}.", null))
            : ((int)current["rowVersion"]!, null);
    }

    /// <summary>The error answering a refused save; null when it was saved.</summary>
    private static ODataErrorResult? Failure(HttpContext context, RecordResult result, string set)
    {
        var (status, code) = result.Outcome switch
        {
            RecordOutcome.Saved => (0, ""),
            RecordOutcome.Conflict => (StatusCodes.Status412PreconditionFailed, "PreconditionFailed"),
            RecordOutcome.NotFound or RecordOutcome.UnknownEntity => (StatusCodes.Status404NotFound, "NotFound"),
            RecordOutcome.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
            RecordOutcome.Locked => (StatusCodes.Status409Conflict, "Locked"),
            _ => (StatusCodes.Status400BadRequest, "ValidationFailed"),
        };
        return status == 0 ? null : new ODataErrorResult(status, code, Summary(context, result, set), result.Errors.Count == 1 ? result.Errors[0].Field : null, result.Errors);
    }

    /// <summary>The message of a refusal in the user's language: the one problem, or how many values need attention.</summary>
    private static string Summary(HttpContext context, RecordResult result, string set) =>
        result.Errors.Count == 1
            ? result.Errors[0].Message
            : context.RequestServices.GetRequiredService<IStringLocalizer>()["Records.Error.NotSaved", set, result.Errors.Count];

    private static ODataEntityResult Entity(HttpContext context, int status, string set, IReadOnlyDictionary<string, object?> record, string? location = null) =>
        new(status, $"{ODataAddress.ServiceRoot(context.Request)}$metadata#{set}/$entity", record, ETag(record), location);

    public static string ETag(IReadOnlyDictionary<string, object?> record) =>
        $"W/\"{Convert.ToString(record["rowVersion"], CultureInfo.InvariantCulture)}\"";

    private static Actor Actor(ClaimsPrincipal user) => Actors.From(user);
}
