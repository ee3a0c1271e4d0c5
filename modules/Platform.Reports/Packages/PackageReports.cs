using System.Text.Json;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Records;
using Platform.Records.Packages;
using Platform.Records.Reports;
using Platform.Reports.Models;
using Platform.Reports.Services;

namespace Platform.Reports.Packages;

/// <summary>
/// Shared reports that app packages bring, one file each in <c>reports/</c> (see <c>docs/schemas/report.schema.json</c>). A report is
/// found again by its file, so applying a package twice changes nothing and a changed file updates the report. Each is checked
/// against its entity first; a problem names the file and where in it, and nothing of the package is applied.
/// </summary>
public sealed class PackageReports(ISavedReportStore reports, ISchemaManager schemas, IStringLocalizer text) : IAppPackagePart
{
    private static readonly JsonSerializerOptions Strict = new(SavedReports.Json) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public string Folder => "reports";

    public async Task<AppPackagePartResult> ApplyAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var (documents, errors) = (new PackageDocuments(reports, SavedReport.ReportKind, PathOf), new List<MetadataError>());
        foreach (var file in files.Where(f => f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            ReportDefinition? report;
            try
            {
                report = JsonSerializer.Deserialize<ReportDefinition>(file.Content, Strict);
            }
            catch (JsonException e)
            {
                errors.Add(new($"{file.Path}: {e.Path ?? "$"}", e.Message));
                continue;
            }

            if (report is null)
            {
                errors.Add(new($"{file.Path}: $", "The file holds no report."));
                continue;
            }

            if (SavedReports.Problem(schema, report) is { } problem)
            {
                var message = text[problem.Code, [.. problem.Arguments]];
                errors.Add(new($"{file.Path}: $.{problem.Path}", message.ResourceNotFound ? problem.Message : message.Value));
                continue;
            }

            await documents.PutAsync(file.Path, JsonSerializer.Serialize(report, SavedReports.Json), SavedReports.Title(report),
                SavedReports.PermissionKey(schema, report.Entity), changedBy, cancellationToken);
        }

        if (errors.Count > 0)
        {
            return new AppPackagePartResult([], [], [], errors);
        }

        await reports.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult(documents.Created, documents.Changed, documents.Unchanged, []);
    }

    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(CancellationToken cancellationToken)
    {
        var files = new List<AppPackageFile>();
        foreach (var (stored, path) in await PathsAsync(reports, cancellationToken))
        {
            if (JsonSerializer.Deserialize<ReportDefinition>(stored.Definition, SavedReports.Json) is { } report)
            {
                files.Add(AppPackageDocuments.Json(path, report, SavedReports.Json));
            }
        }

        return files;
    }

    public async Task<AppPackagePartResult> RemoveAsync(IReadOnlyList<string> paths, string changedBy, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var (stored, path) in await PathsAsync(reports, cancellationToken))
        {
            if (paths.Contains(path) && await reports.FindAsync(stored.Id, cancellationToken) is { } report)
            {
                reports.Remove(report);
                removed.Add($"report {path}");
            }
        }

        await reports.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult([], removed, [], []);
    }

    /// <summary>The shared reports with the path each has in an exported package (dashboards name their reports by it).</summary>
    internal static async Task<List<(SavedReport Report, string Path)>> PathsAsync(ISavedReportStore store, CancellationToken cancellationToken) =>
        [.. (await store.SharedAsync(SavedReport.ReportKind, cancellationToken)).Select(r => (r, PathOf(r)))];

    private static string PathOf(SavedReport report) => report.Source ?? AppPackageDocuments.NewPath("reports", report.EntityKey ?? "report", report.Id);
}
