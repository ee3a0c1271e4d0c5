using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Platform.Records.Query.Aggregation;
using Platform.Reports.Models;
using Platform.Reports.Services;
using Platform.Web.Endpoints;
using Platform.Web.Security;

namespace Platform.Reports.Endpoints;

/// <summary>
/// <c>POST /api/reports/run</c>: a report's question (entity, groups, measures, filter, period) in, its figures out — grouped in the
/// database over what the caller may read. A question that cannot be answered is refused with a 400 saying where and why, an
/// entity the caller may not read with a 403.
/// </summary>
public static class ReportEndpoints
{
    public const int MostQuestionBytes = 64 * 1024;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapGroup("/api/reports").WithTags("Reports");
        reports.MapPost("/run", RunAsync).WithName("RunReport")
            .WithSummary("Groups an entity's records (by fields, date buckets, people) and works out counts, sums, averages, minimums and maximums per group, with totals.");
    }

    private static async Task<IResult> RunAsync(HttpContext context, ReportRunner runner, IStringLocalizer text)
    {
        var body = await RequestBody.ReadAtMostAsync(context.Request, MostQuestionBytes, context.RequestAborted);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, text["Reports.Error.TooLarge", MostQuestionBytes / 1024].Value, null);
        }

        ReportQuestion? question;
        try
        {
            question = JsonSerializer.Deserialize<ReportQuestion>(body.Value.Span, Json);
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, text["Reports.Error.Json", e.Path ?? "$", e.Message].Value, e.Path);
        }

        if (question is null || string.IsNullOrWhiteSpace(question.Entity))
        {
            return Problem(StatusCodes.Status400BadRequest, text["Reports.Error.NoEntity"].Value, "entity");
        }

        try
        {
            return TypedResults.Json(await runner.RunAsync(question, Actors.From(context.User), CultureInfo.CurrentUICulture, context.RequestAborted), Json);
        }
        catch (AggregateRefusedException refused)
        {
            var message = text[refused.Code, [.. refused.Arguments]];
            var status = refused.Code switch
            {
                "Reports.Error.UnknownEntity" => StatusCodes.Status404NotFound,
                "Reports.Error.Forbidden" => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
            return Problem(status, message.ResourceNotFound ? refused.Message : message.Value, refused.Path);
        }
    }

    private static IResult Problem(int status, string message, string? target) =>
        Results.Json(new { error = new { code = status switch { 404 => "NotFound", 403 => "Forbidden", 413 => "TooLarge", _ => "BadRequest" }, message, target } }, statusCode: status);
}
