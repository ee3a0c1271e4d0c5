using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Platform.Records.Reports;
using Platform.Reports.Models;
using Platform.Reports.Services;
using Platform.Web.Security;
using static Platform.Reports.Endpoints.ReportEndpoints;

namespace Platform.Reports.Endpoints;

/// <summary>Dashboards over the API: the ones for the caller, one with its widgets, saving (own, or shared with Reports.Share) and deleting.</summary>
public static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var dashboards = endpoints.MapGroup("/api/dashboards").WithTags("Reports");
        dashboards.MapGet("/", ListAsync).WithName("ListDashboards").WithSummary("The dashboards for the caller's roles and their own.");
        dashboards.MapGet("/{id:guid}", GetAsync).WithName("GetDashboard").WithSummary("A dashboard with its widgets' report ids.");
        dashboards.MapPost("/", CreateAsync).WithName("CreateDashboard").WithSummary("Saves a new dashboard, the caller's own or shared (needs Reports.Share).");
        dashboards.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateDashboard").WithSummary("Changes a dashboard the caller may change (its widgets' places after dragging, too).");
        dashboards.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteDashboard").WithSummary("Deletes a dashboard the caller may change.");
    }

    /// <summary>What a dashboard is saved as: its definition, and whether the roles it names see it.</summary>
    public sealed class SaveRequest
    {
        public DashboardDefinition? Definition { get; set; }

        public bool Shared { get; set; }
    }

    private static async Task<IResult> ListAsync(HttpContext context, SavedDashboards dashboards)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var entries = await dashboards.ListAsync(Actors.From(context.User), culture, context.RequestAborted);
        return TypedResults.Json(entries.Select(e => new { e.Id, Label = e.Definition.Labels.For(culture), e.Definition.Home, e.Shared, e.Mine, e.Source }), SavedReports.Json);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, SavedDashboards dashboards, IStringLocalizer text)
    {
        var entry = await dashboards.FindAsync(id, Actors.From(context.User), context.RequestAborted);
        if (entry is null)
        {
            return Problem(StatusCodes.Status404NotFound, text["Reports.Error.NoDashboard"].Value, "id");
        }

        var reports = new List<Guid?>();
        foreach (var widget in entry.Definition.Widgets)
        {
            reports.Add(await dashboards.ReportOfAsync(widget, context.RequestAborted));
        }

        return TypedResults.Json(new { entry.Id, entry.Definition, entry.Shared, entry.Mine, entry.Source, Reports = reports }, SavedReports.Json);
    }

    private static Task<IResult> CreateAsync(HttpContext context, SavedDashboards dashboards, IStringLocalizer text) => SaveAsync(null, context, dashboards, text);

    private static Task<IResult> UpdateAsync(Guid id, HttpContext context, SavedDashboards dashboards, IStringLocalizer text) => SaveAsync(id, context, dashboards, text);

    private static async Task<IResult> SaveAsync(Guid? id, HttpContext context, SavedDashboards dashboards, IStringLocalizer text)
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

        var (saved, problem) = await dashboards.SaveAsync(id, definition, request.Shared, Actors.From(context.User), MayShare(context), context.RequestAborted);
        if (problem is not null)
        {
            var status = problem.Code switch
            {
                "Reports.Error.NoDashboard" => StatusCodes.Status404NotFound,
                "Reports.Error.MayNotShare" => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status400BadRequest,
            };
            return Problem(status, Message(text, problem), problem.Path is "id" or "shared" ? problem.Path : $"definition.{problem.Path}");
        }

        return id is null ? TypedResults.Created($"/api/dashboards/{saved}", new { id = saved }) : TypedResults.Ok(new { id = saved });
    }

    private static async Task<IResult> DeleteAsync(Guid id, HttpContext context, SavedDashboards dashboards, IStringLocalizer text) =>
        await dashboards.DeleteAsync(id, Actors.From(context.User), MayShare(context), context.RequestAborted)
            ? TypedResults.NoContent()
            : Problem(StatusCodes.Status404NotFound, text["Reports.Error.NoDashboard"].Value, "id");
}
