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
        reports.MapGet("/", ListAsync).WithName("ListReports").WithSummary("The shared reports and the caller's own, each with what is wrong with it now (a field deleted since).");
        reports.MapGet("/{id:guid}", GetAsync).WithName("GetReport").WithSummary("A saved report's definition.");
        reports.MapPost("/", CreateAsync).WithName("CreateReport").WithSummary("Saves a new report, the caller's own or shared (needs Reports.Share).");
        reports.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateReport").WithSummary("Changes a saved report the caller may change.");
        reports.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteReport").WithSummary("Deletes a saved report the caller may change.");
        reports.MapGet("/{id:guid}/export.xlsx", ExportAsync).WithName("ExportReport")
            .WithSummary("A saved table or pivot as an .xlsx workbook (?range= runs it over another period of its date field).");
        reports.MapPost("/{id:guid}/run", RunSavedAsync).WithName("RunSavedReport")
            .WithSummary("Runs a saved report; an optional body { filter, period } narrows it further (a dashboard's filters).");
    }

    /// <summary>What a report is saved as: its definition, and whether everyone sees it.</summary>
    public sealed class SaveRequest
    {
        public ReportDefinition? Definition { get; set; }

        public bool Shared { get; set; }
    }

    /// <summary>What a dashboard narrows a saved report by: a filter that must hold too, and a period in place of the report's.</summary>
    public sealed class DashboardFilters
    {
        public string? Filter { get; set; }

        public ReportPeriod? Period { get; set; }
    }

    private static async Task<IResult> ListAsync(HttpContext context, SavedReports saved, IStringLocalizer text)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var entries = await saved.ListAsync(Actors.From(context.User), culture, context.RequestAborted);
        return TypedResults.Json(entries.Select(e => new
        {
            e.Id, Label = e.Definition.Labels.For(culture), e.Definition.Entity, e.Definition.Display, e.Definition.Chart, e.Shared, e.Mine, e.Source,
            Problem = e.Problem is { } p ? new { target = p.Path, message = Message(text, p) } : null,
        }), Json);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, SavedReports saved, IStringLocalizer text)
    {
        var entry = await saved.FindAsync(id, Actors.From(context.User), context.RequestAborted);
        return entry is null ? Problem(StatusCodes.Status404NotFound, text["Reports.Error.NoReport"].Value, "id")
            : TypedResults.Json(new { entry.Id, entry.Definition, entry.Shared, entry.Mine, entry.Source,
                Problem = entry.Problem is { } p ? new { target = p.Path, message = Message(text, p) } : null }, SavedReports.Json);
    }

    private static Task<IResult> CreateAsync(HttpContext context, SavedReports saved, IStringLocalizer text) => SaveAsync(null, context, saved, text);

    private static Task<IResult> UpdateAsync(Guid id, HttpContext context, SavedReports saved, IStringLocalizer text) => SaveAsync(id, context, saved, text);

    private static async Task<IResult> SaveAsync(Guid? id, HttpContext context, SavedReports saved, IStringLocalizer text)
    {
        var (request, refusal) = await ReadAsync<SaveRequest>(context, text);
        if (refusal is not null)
        {
            return refusal;
        }

        if (request?.Definition is not { } definition)
        {
            return Problem(StatusCodes.Status400BadRequest, text["Reports.Error.NoDefinition"].Value, "definition");
        }

        var (savedId, problem) = await saved.SaveAsync(id, definition, request.Shared, Actors.From(context.User), MayShare(context), context.RequestAborted);
        if (problem is not null)
        {
            var status = problem.Code switch
            {
                "Reports.Error.NotYours" => StatusCodes.Status404NotFound,
                "Reports.Error.MayNotShare" or "Reports.Error.Forbidden" => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
            return Problem(status, Message(text, problem), problem.Path is "id" or "shared" ? problem.Path : $"definition.{problem.Path}");
        }

        return id is null ? TypedResults.Created($"/api/reports/{savedId}", new { id = savedId }) : TypedResults.Ok(new { id = savedId });
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext context, SavedReports saved, IStringLocalizer text) =>
        await saved.DeleteAsync(id, Actors.From(context.User), MayShare(context), context.RequestAborted)
            ? TypedResults.NoContent()
            : Problem(StatusCodes.Status404NotFound, text["Reports.Error.NoReport"].Value, "id");

    private static async Task<IResult> RunSavedAsync(Guid id, HttpContext context, SavedReports saved, ReportRunner runner, IStringLocalizer text)
    {
        var actor = Actors.From(context.User);
        var entry = await saved.FindAsync(id, actor, context.RequestAborted);
        if (entry is null)
        {
            return Problem(StatusCodes.Status404NotFound, text["Reports.Error.NoReport"].Value, "id");
        }

        DashboardFilters? narrowing = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var (read, refusal) = await ReadAsync<DashboardFilters>(context, text);
            if (refusal is not null)
            {
                return refusal;
            }

            narrowing = read;
        }

        if (entry.Problem is { } problem)
        {
            // Saved before its entity changed: said as what is wrong with the report, not as a question the caller asked badly.
            return Problem(StatusCodes.Status409Conflict, text["Reports.Error.Outdated", Message(text, problem)].Value, $"definition.{problem.Path}");
        }

        var definition = entry.Definition;
        if (narrowing is not null)
        {
            definition = JsonSerializer.Deserialize<ReportDefinition>(JsonSerializer.Serialize(definition, SavedReports.Json), SavedReports.Json)!;
            if (!string.IsNullOrWhiteSpace(narrowing.Filter))
            {
                definition.Filter = string.IsNullOrWhiteSpace(definition.Filter) ? narrowing.Filter : $"({definition.Filter}) and ({narrowing.Filter})";
            }

            definition.Period = narrowing.Period ?? definition.Period;
        }

        return await AnswerAsync(definition, context, runner, text);
    }

    private static async Task<IResult> ExportAsync(Guid id, string? range, HttpContext context, SavedReports saved, ReportRunner runner, IStringLocalizer text)
    {
        var actor = Actors.From(context.User);
        var entry = await saved.FindAsync(id, actor, context.RequestAborted);
        if (entry is null)
        {
            return Problem(StatusCodes.Status404NotFound, text["Reports.Error.NoReport"].Value, "id");
        }

        if (entry.Problem is { } problem)
        {
            return Problem(StatusCodes.Status409Conflict, text["Reports.Error.Outdated", Message(text, problem)].Value, $"definition.{problem.Path}");
        }

        if (range is not null && !ReportPeriod.Ranges.Contains(range))
        {
            return Problem(StatusCodes.Status400BadRequest, text["Reports.Error.Range", range, string.Join(", ", ReportPeriod.Ranges)].Value, "range");
        }

        var definition = range is null || entry.Definition.Period is null ? entry.Definition : entry.Definition.WithRange(range);
        ReportAnswer answer;
        try
        {
            answer = await runner.RunAsync(definition, actor, CultureInfo.CurrentUICulture, context.RequestAborted);
        }
        catch (AggregateRefusedException refused)
        {
            return Problem(StatusCodes.Status400BadRequest, Message(text, refused), refused.Path);
        }

        var title = definition.Labels.For(CultureInfo.CurrentUICulture.Name);
        var response = context.Response;
        response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = $"{title}.xlsx" }.ToString();
        await using var sheet = new Platform.Records.Query.Spreadsheets.XlsxExportWriter(response.Body, title);
        await ReportWorkbook.WriteAsync(sheet, definition, answer, text["Reports.View.Total"].Value, group => text["Reports.View.Subtotal", group].Value, context.RequestAborted);
        return Results.Empty;
    }

    internal static string Message(IStringLocalizer text, AggregateRefusedException refused)
    {
        var message = text[refused.Code, [.. refused.Arguments]];
        return message.ResourceNotFound ? refused.Message : message.Value;
    }

    internal static bool MayShare(HttpContext context) => MayShare(context.User);

    /// <summary>Whether the person may save, change and delete shared reports and dashboards.</summary>
    public static bool MayShare(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Platform.Abstractions.Security.PlatformRoles.Administrator)
        || user.HasClaim(Platform.Abstractions.Security.PlatformClaimTypes.Permission, Permissions.Share);

    /// <summary>A JSON body of at most <see cref="MostQuestionBytes"/>, or the refusal to answer with.</summary>
    internal static async Task<(T? Value, IResult? Refusal)> ReadAsync<T>(HttpContext context, IStringLocalizer text)
        where T : class
    {
        var body = await RequestBody.ReadAtMostAsync(context.Request, MostQuestionBytes, context.RequestAborted);
        if (body is null)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, text["Reports.Error.TooLarge", MostQuestionBytes / 1024].Value, null));
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(body.Value.Span, Json), null);
        }
        catch (JsonException e)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, text["Reports.Error.Json", e.Path ?? "$", e.Message].Value, e.Path));
        }
    }

    private static async Task<IResult> RunAsync(HttpContext context, ReportRunner runner, IStringLocalizer text)
    {
        var (question, refusal) = await ReadAsync<ReportQuestion>(context, text);
        if (refusal is not null)
        {
            return refusal;
        }

        if (question is null || string.IsNullOrWhiteSpace(question.Entity))
        {
            return Problem(StatusCodes.Status400BadRequest, text["Reports.Error.NoEntity"].Value, "entity");
        }

        return await AnswerAsync(question, context, runner, text);
    }

    private static async Task<IResult> AnswerAsync(ReportQuestion question, HttpContext context, ReportRunner runner, IStringLocalizer text)
    {
        try
        {
            return TypedResults.Json(await runner.RunAsync(question, Actors.From(context.User), CultureInfo.CurrentUICulture, context.RequestAborted), Json);
        }
        catch (AggregateRefusedException refused)
        {
            var status = refused.Code switch
            {
                "Reports.Error.UnknownEntity" => StatusCodes.Status404NotFound,
                "Reports.Error.Forbidden" => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
            return Problem(status, Message(text, refused), refused.Path);
        }
    }

    internal static IResult Problem(int status, string message, string? target) =>
        Results.Json(new { error = new { code = status switch { 404 => "NotFound", 403 => "Forbidden", 409 => "Outdated", 413 => "TooLarge", _ => "BadRequest" }, message, target } }, statusCode: status);
}
