using Platform.Records.Query;
using Platform.Records.Query.Spreadsheets;
using Platform.Reports.Models;

namespace Platform.Reports.Services;

/// <summary>
/// A table or pivot as an .xlsx sheet, figures as numbers (percentages as percentages): a table's groups and measures with a totals
/// row; a pivot's rows down, a column per group across and measure, the row totals on the right and the column totals below.
/// </summary>
public static class ReportWorkbook
{
    /// <param name="total">The heading of the totals (合计).</param>
    /// <param name="subtotal">The heading of an outer group's subtotal, from its label (华东 小计).</param>
    public static async Task WriteAsync(IExportWriter sheet, ReportDefinition report, ReportAnswer answer, string total, Func<string, string> subtotal, CancellationToken cancellationToken)
    {
        if (report.Display == "pivot" && answer.RowTotals is not null && answer.ColumnTotals is not null)
        {
            await PivotAsync(sheet, new PivotLayout(answer), total, subtotal, cancellationToken);
        }
        else
        {
            await sheet.WriteHeadingsAsync([.. answer.Columns.Select(c => c.Label)], cancellationToken);
            var groups = answer.Columns.Count(c => c.Group);
            foreach (var row in answer.Rows)
            {
                await sheet.WriteRowAsync([.. row.Keys.Select(k => (object?)k.Label), .. Figures(row.Values, answer.Columns.Skip(groups))], cancellationToken);
            }

            await sheet.WriteRowAsync([.. Enumerable.Range(0, groups).Select(i => i == 0 ? (object?)total : null), .. Figures(answer.Totals, answer.Columns.Skip(groups))], cancellationToken);
        }

        await sheet.CompleteAsync(cancellationToken);
    }

    private static async Task PivotAsync(IExportWriter sheet, PivotLayout layout, string total, Func<string, string> subtotal, CancellationToken cancellationToken)
    {
        string Heading(string group, ReportColumn measure) => layout.Measures.Count == 1 ? group : $"{group} · {measure.Label}";
        await sheet.WriteHeadingsAsync([.. layout.RowHeadings, .. layout.Columns.SelectMany(c => layout.Measures.Select(m => Heading(PivotLayout.Heading(c), m))),
            .. layout.Measures.Select(m => Heading(total, m))], cancellationToken);
        foreach (var line in layout.Lines)
        {
            var cells = layout.Columns.SelectMany(c => layout.Cell(line, c) is { } cell ? Figures(cell.Values, layout.Measures) : layout.Measures.Select(_ => (object?)null));
            // A subtotal line names its group where that group's column is (华东 小计), the columns after it left empty.
            var keys = Enumerable.Range(0, layout.RowGroups).Select(k => (object?)(!line.Subtotal ? line.Row.Keys[k].Label : k == line.Depth - 1 ? subtotal(line.Row.Keys[k].Label) : null));
            await sheet.WriteRowAsync([.. keys, .. cells, .. Figures(line.Row.Values, layout.Measures)], cancellationToken);
        }

        await sheet.WriteRowAsync([.. Enumerable.Range(0, Math.Max(1, layout.RowGroups)).Select(i => i == 0 ? (object?)total : null),
            .. layout.Columns.SelectMany(c => Figures(c.Values, layout.Measures)), .. Figures(layout.Answer.Totals, layout.Measures)], cancellationToken);
    }

    /// <summary>Figures as the sheet stores them: percentages as shares (formatted 25 %), the rest as they are.</summary>
    private static IEnumerable<object?> Figures(IReadOnlyList<object?> values, IEnumerable<ReportColumn> measures) =>
        values.Zip(measures, (value, measure) => measure.Kind == "percent" && value is not null ? new Share(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)) : value);
}
