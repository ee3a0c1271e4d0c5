using Platform.Web.Security;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Security;
using Platform.Data.Records;
using Platform.Entities.OData;
using Platform.Web.Endpoints;

namespace Platform.Entities.Endpoints;

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
        var odata = endpoints.MapGroup("/odata").WithTags("OData");
        odata.MapPost("/{set}", Create).WithName("ODataCreate").WithSummary("Creates a record; 201 with the record and its ETag.");
        odata.MapPatch("/{set}({id:guid})", Update).WithName("ODataUpdate").WithSummary("Changes the given fields; If-Match guards against lost updates.");
        odata.MapDelete("/{set}({id:guid})", Delete).WithName("ODataDelete").WithSummary("Moves the record to the recycle bin.");
    }

    private static async Task Create(string set, HttpContext context, RecordStore records)
    {
        if (await ReadValuesAsync(context) is not { } values)
        {
            return;
        }

        var result = await records.CreateAsync(set, values, Actor(context.User), context.RequestAborted);
        if (await WriteFailureAsync(context, result, set))
        {
            return;
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.Location = $"{ODataAddress.ServiceRoot(context.Request)}{set}({result.Record!["id"]})";
        await WriteRecordAsync(context, set, result.Record!);
    }

    private static async Task Update(string set, Guid id, HttpContext context, RecordStore records)
    {
        if (await ReadValuesAsync(context) is not { } values || await ExpectedVersionAsync(context, set, id, records) is not { } expected)
        {
            return;
        }

        var result = await records.UpdateAsync(set, id, expected, values, Actor(context.User), context.RequestAborted);
        if (!await WriteFailureAsync(context, result, set))
        {
            await WriteRecordAsync(context, set, result.Record!);
        }
    }

    private static async Task Delete(string set, Guid id, HttpContext context, RecordStore records)
    {
        if (await ExpectedVersionAsync(context, set, id, records) is not { } expected)
        {
            return;
        }

        var result = await records.DeleteAsync(set, id, expected, Actor(context.User), context.RequestAborted);
        if (!await WriteFailureAsync(context, result, set))
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }
    }

    internal static async Task<Dictionary<string, object?>?> ReadValuesAsync(HttpContext context)
    {
        if (await RequestBody.ReadAtMostAsync(context.Request, MaxRecordBytes, context.RequestAborted) is not { } body)
        {
            await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"A record has at most {MaxRecordBytes / 1024 / 1024} MB; nothing was saved.", null);
            return null;
        }

        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(body.Span);
            if (values is not null)
            {
                // Annotations such as @odata.etag that clients echo back are not fields.
                return values.Where(p => !p.Key.Contains('@', StringComparison.Ordinal)).ToDictionary(p => p.Key, p => (object?)p.Value);
            }
        }
        catch (JsonException e)
        {
            await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadRequest", $"The body must be a JSON object of field values: {e.Message.Split(" Path:", 2)[0]}", e.Path);
            return null;
        }

        await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadRequest", "The body must be a JSON object of field values.", null);
        return null;
    }

    /// <summary>The row version from If-Match, or the current one when the client sends none or <c>*</c>.</summary>
    private static async Task<int?> ExpectedVersionAsync(HttpContext context, string set, Guid id, RecordStore records)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        if (header.Length > 0 && header != "*")
        {
            var text = header.Replace("W/", "", StringComparison.Ordinal).Trim('"', ' ');
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return version;
            }

            await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadRequest", $"If-Match must be an ETag this service issued, like W/\"3\"; got {header}.", "If-Match");
            return null;
        }

        var current = await records.GetAsync(set, id, actor: Actor(context.User), cancellationToken: context.RequestAborted);
        if (current is null)
        {
            await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status404NotFound, "NotFound", $"There is no {set} with id {id}.", null);
            return null;
        }

        return (int)current["rowVersion"]!;
    }

    private static async Task<bool> WriteFailureAsync(HttpContext context, RecordResult result, string set)
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
        if (status == 0)
        {
            return false;
        }

        await ODataJson.WriteErrorAsync(context.Response, status, code, Summary(context, result, set), result.Errors.Count == 1 ? result.Errors[0].Field : null, result.Errors);
        return true;
    }

    /// <summary>The message of a refusal in the user's language: the one problem, or how many values need attention.</summary>
    private static string Summary(HttpContext context, RecordResult result, string set) =>
        result.Errors.Count == 1
            ? result.Errors[0].Message
            : context.RequestServices.GetRequiredService<IStringLocalizer>()["Records.Error.NotSaved", set, result.Errors.Count];

    private static async Task WriteRecordAsync(HttpContext context, string set, IReadOnlyDictionary<string, object?> record)
    {
        context.Response.Headers.ETag = ETag(record);
        await ODataJson.WriteEntityAsync(context.Response, $"{ODataAddress.ServiceRoot(context.Request)}$metadata#{set}/$entity", record, ETag(record));
    }

    public static string ETag(IReadOnlyDictionary<string, object?> record) =>
        $"W/\"{Convert.ToString(record["rowVersion"], CultureInfo.InvariantCulture)}\"";

    private static RecordActor Actor(ClaimsPrincipal user) => RecordActors.From(user);
}
