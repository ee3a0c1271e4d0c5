using System.Text.Json;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Records.Packages;
using Platform.Records.Reports;
using Platform.Reports.Models;
using Platform.Reports.Services;

namespace Platform.Reports.Packages;

/// <summary>
/// Shared dashboards that app packages bring, one file each in <c>dashboards/</c>; widgets name the package's reports by their files
/// (<c>reports/revenue_by_month.json</c>). Applied after the reports; found again by file, so applying twice changes nothing.
/// </summary>
public sealed class PackageDashboards(ISavedReportStore store, IStringLocalizer text, IEnumerable<Platform.Web.Home.DashboardPartRegistration> kinds) : IAppPackagePart
{
    private static readonly JsonSerializerOptions Strict = new(SavedReports.Json) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public string Folder => "dashboards";

    public async Task<AppPackagePartResult> ApplyAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken)
    {
        var (documents, errors) = (new PackageDocuments(store, SavedReport.DashboardKind, PathOf), new List<MetadataError>());
        foreach (var file in files.Where(f => f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            DashboardDefinition? dashboard;
            try
            {
                dashboard = JsonSerializer.Deserialize<DashboardDefinition>(file.Content, Strict) ?? throw new JsonException("The file holds no dashboard.");
            }
            catch (JsonException e)
            {
                errors.Add(new($"{file.Path}: {e.Path ?? "$"}", e.Message));
                continue;
            }

            if (await SavedDashboards.ProblemAsync(store, dashboard, cancellationToken, kinds: kinds) is { } problem)
            {
                var message = text[problem.Code, [.. problem.Arguments]];
                errors.Add(new($"{file.Path}: $.{problem.Path}", message.ResourceNotFound ? problem.Message : message.Value));
                continue;
            }

            await documents.PutAsync(file.Path, JsonSerializer.Serialize(dashboard, SavedReports.Json), SavedDashboards.Title(dashboard), null, changedBy, cancellationToken);
        }

        if (errors.Count > 0)
        {
            return new AppPackagePartResult([], [], [], errors);
        }

        await store.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult(documents.Created, documents.Changed, documents.Unchanged, []);
    }

    private static string PathOf(SavedReport dashboard) => dashboard.Source ?? AppPackageDocuments.NewPath("dashboards", "dashboard", dashboard.Id);

    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(CancellationToken cancellationToken)
    {
        var reportPaths = (await PackageReports.PathsAsync(store, cancellationToken)).ToDictionary(r => r.Report.Id.ToString(), r => r.Path, StringComparer.OrdinalIgnoreCase);
        var files = new List<AppPackageFile>();
        foreach (var stored in await store.SharedAsync(SavedReport.DashboardKind, cancellationToken))
        {
            if (JsonSerializer.Deserialize<DashboardDefinition>(stored.Definition, SavedReports.Json) is not { } dashboard)
            {
                continue;
            }

            // A widget made in the browser names its report by id; in a package it names the report's file.
            foreach (var widget in dashboard.Widgets.Where(w => w.Kind == DashboardWidget.ReportKind && reportPaths.ContainsKey(w.Report)))
            {
                widget.Report = reportPaths[widget.Report];
            }

            files.Add(AppPackageDocuments.Json(PathOf(stored), dashboard, SavedReports.Json));
        }

        return files;
    }

    public async Task<AppPackagePartResult> RemoveAsync(IReadOnlyList<string> paths, string changedBy, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var stored in await store.SharedAsync(SavedReport.DashboardKind, cancellationToken))
        {
            if (paths.Contains(PathOf(stored)) && await store.FindAsync(stored.Id, cancellationToken) is { } dashboard)
            {
                store.Remove(dashboard);
                removed.Add($"dashboard {PathOf(stored)}");
            }
        }

        await store.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult([], removed, [], []);
    }
}
