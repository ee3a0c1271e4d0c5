using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Core.Security;
using Platform.Records.Exporting;
using Platform.Records.Query.Aggregation;
using Platform.Records.Query.Spreadsheets;
using Platform.Reports.Endpoints;
using Platform.Reports.Models;

namespace Platform.Reports.Services;

/// <summary>
/// A saved report exported in the background (the subject is its id; the option <c>range</c> runs it over another period of
/// its date field): run as the person who asked, written as the report page's workbook is — or as CSV.
/// </summary>
public sealed class ReportExportSource(SavedReports saved, ReportRunner runner, IStringLocalizer text) : IExportSource
{
    public const string SourceName = ExportSources.Report;

    public string Name => SourceName;

    public async Task<ExportPlan> PlanAsync(ExportRequest request, Actor actor, CultureInfo culture, CancellationToken cancellationToken)
    {
        var (definition, answer) = await RunAsync(request, actor, culture, cancellationToken);
        return new ExportPlan(definition.Labels.For(culture.Name), answer.Rows.Count);
    }

    public async Task<long> WriteAsync(ExportRequest request, Actor actor, CultureInfo culture, Stream output, Func<long, Task> progress, CancellationToken cancellationToken)
    {
        var (definition, answer) = await RunAsync(request, actor, culture, cancellationToken);
        var title = definition.Labels.For(culture.Name);
        await using (IExportWriter sheet = request.Format == "csv" ? new CsvExportWriter(output) : new XlsxExportWriter(output, title))
        {
            await ReportWorkbook.WriteAsync(sheet, definition, answer, text["Reports.View.Total"].Value, group => text["Reports.View.Subtotal", group].Value, cancellationToken);
        }

        await progress(answer.Rows.Count);
        return answer.Rows.Count;
    }

    private async Task<(ReportDefinition Definition, ReportAnswer Answer)> RunAsync(ExportRequest request, Actor actor, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.Subject, out var id) || await saved.FindAsync(id, actor, cancellationToken) is not { } entry)
        {
            throw new ExportRefusedException(text["Reports.Error.NoReport"], notFound: true);
        }

        if (entry.Problem is { } problem)
        {
            throw new ExportRefusedException(text["Reports.Error.Outdated", ReportEndpoints.Message(text, problem)]);
        }

        var range = request.Options.GetValueOrDefault("range");
        if (range is not null && !ReportPeriod.Ranges.Contains(range))
        {
            throw new ExportRefusedException(text["Reports.Error.Range", range, string.Join(", ", ReportPeriod.Ranges)]);
        }

        var definition = range is null || entry.Definition.Period is null ? entry.Definition : entry.Definition.WithRange(range);
        try
        {
            return (definition, await runner.RunAsync(definition, actor, culture, cancellationToken));
        }
        catch (AggregateRefusedException refused)
        {
            throw new ExportRefusedException(ReportEndpoints.Message(text, refused));
        }
    }
}
