using Platform.Reports.Models;

namespace Platform.Reports.Services;

/// <summary>
/// A pivot's answer laid out as a grid: the rows (the groups down, in the row totals' order), the columns (the groups across, in the
/// column totals' order), each cell's figures and drill-down, the totals of every row and column and the grand total — and with
/// several groups down, a subtotal line under each outer group's rows (innermost first). Tables on screen and the .xlsx export
/// are both drawn from it.
/// </summary>
public sealed class PivotLayout
{
    private readonly Dictionary<(string Row, string Column), ReportRow> _cells;
    private readonly Dictionary<(int Depth, string Row, string Column), ReportRow> _subtotalCells = [];

    public PivotLayout(ReportAnswer answer)
    {
        var rowTotals = answer.RowTotals ?? throw new ArgumentException("A pivot's answer carries its row totals.", nameof(answer));
        var columnTotals = answer.ColumnTotals ?? throw new ArgumentException("A pivot's answer carries its column totals.", nameof(answer));
        Answer = answer;
        RowGroups = rowTotals.Columns.Count(c => c.Group);
        Rows = rowTotals.Rows;
        Columns = columnTotals.Rows;
        Measures = [.. answer.Columns.Where(c => !c.Group)];
        _cells = answer.Rows.GroupBy(r => (Id(r.Keys.Take(RowGroups)), Id(r.Keys.Skip(RowGroups)))).ToDictionary(g => g.Key, g => g.First());
        var subtotalRows = new Dictionary<(int Depth, string Row), ReportRow>();
        foreach (var subtotal in answer.Subtotals ?? [])
        {
            foreach (var row in subtotal.Rows.Rows)
            {
                subtotalRows[(subtotal.Depth, Id(row.Keys))] = row;
            }

            foreach (var cell in subtotal.Cells.Rows)
            {
                _subtotalCells[(subtotal.Depth, Id(cell.Keys.Take(subtotal.Depth)), Id(cell.Keys.Skip(subtotal.Depth)))] = cell;
            }
        }

        var lines = new List<PivotLine>();
        for (var i = 0; i < Rows.Count; i++)
        {
            lines.Add(new PivotLine(Rows[i], 0));
            // Where the next row leaves an outer group (or there is none), that group's subtotal follows, the innermost first.
            for (var depth = RowGroups - 1; depth >= 1; depth--)
            {
                var prefix = Id(Rows[i].Keys.Take(depth));
                if ((i + 1 == Rows.Count || Id(Rows[i + 1].Keys.Take(depth)) != prefix) && subtotalRows.TryGetValue((depth, prefix), out var subtotal))
                {
                    lines.Add(new PivotLine(subtotal, depth));
                }
            }
        }

        Lines = lines;
    }

    /// <summary>The lines down the pivot: each row, and under each outer group's rows its subtotal.</summary>
    public IReadOnlyList<PivotLine> Lines { get; }

    public ReportAnswer Answer { get; }

    public int RowGroups { get; }

    /// <summary>The headings of the groups down (区域, 销售人员).</summary>
    public IEnumerable<string> RowHeadings => Answer.RowTotals!.Columns.Where(c => c.Group).Select(c => c.Label);

    /// <summary>Each row: its keys and its totals (over every column).</summary>
    public IReadOnlyList<ReportRow> Rows { get; }

    /// <summary>Each column: its keys and its totals (over every row).</summary>
    public IReadOnlyList<ReportRow> Columns { get; }

    public IReadOnlyList<ReportColumn> Measures { get; }

    /// <summary>A column's heading: its keys' labels joined.</summary>
    public static string Heading(ReportRow column) => string.Join(" · ", column.Keys.Select(k => k.Label));

    /// <summary>The cell of a row and a column, or null when no record falls in it.</summary>
    public ReportRow? Cell(ReportRow row, ReportRow column) => _cells.GetValueOrDefault((Id(row.Keys), Id(column.Keys)));

    /// <summary>The cell of a line (a row or a subtotal) and a column, or null when no record falls in it.</summary>
    public ReportRow? Cell(PivotLine line, ReportRow column) =>
        line.Depth == 0 ? Cell(line.Row, column) : _subtotalCells.GetValueOrDefault((line.Depth, Id(line.Row.Keys), Id(column.Keys)));

    private static string Id(IEnumerable<ReportKey> keys) => string.Join("\u001f", keys.Select(k => k.Value is null ? "\u0000" : Convert.ToString(k.Value, System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>A line of a pivot: a row of every group down (depth 0), or the subtotal of the first <see cref="Depth"/> groups, its keys those groups'.</summary>
public sealed record PivotLine(ReportRow Row, int Depth)
{
    public bool Subtotal => Depth > 0;
}
