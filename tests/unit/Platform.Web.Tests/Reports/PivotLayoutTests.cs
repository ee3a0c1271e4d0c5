using Platform.Reports.Models;
using Platform.Reports.Services;

namespace Platform.Web.Tests.Reports;

/// <summary>A pivot's lines: every row of the groups down, and under each outer group's rows its subtotal, innermost first.</summary>
public sealed class PivotLayoutTests
{
    private static ReportRow Row(string drill, decimal value, params string[] keys) =>
        new([.. keys.Select(k => new ReportKey(k, k))], [value]) { Drill = drill };

    private static ReportAnswer Answer(int groups, params ReportRow[] rows) =>
        new([.. Enumerable.Range(0, groups).Select(i => new ReportColumn($"g{i}", $"G{i}", true, "text")), new ReportColumn("m", "M", false, "money")], rows, [rows.Sum(r => (decimal)r.Values[0]!)]);

    [Fact]
    public void Rows_of_three_groups_down_get_a_subtotal_under_each_middle_and_each_outer_group()
    {
        // Region › salesperson › product down, month across.
        var rows = Answer(3, Row("r1", 10, "east", "li", "scarf"), Row("r2", 20, "east", "li", "shirt"), Row("r3", 5, "east", "wang", "scarf"), Row("r4", 7, "north", "zhao", "coat"));
        var answer = new ReportAnswer(rows.Columns.Append(new ReportColumn("month", "Month", true, "text")).ToList(),
            [Row("c1", 10, "east", "li", "scarf", "2026-03"), Row("c2", 20, "east", "li", "shirt", "2026-03"), Row("c3", 5, "east", "wang", "scarf", "2026-04"), Row("c4", 7, "north", "zhao", "coat", "2026-04")], [42m])
        {
            RowTotals = rows,
            ColumnTotals = Answer(1, Row("m3", 30, "2026-03"), Row("m4", 12, "2026-04")),
            Subtotals =
            [
                new PivotSubtotal(1, Answer(1, Row("s-east", 35, "east"), Row("s-north", 7, "north")),
                    Answer(2, Row("s-east-3", 30, "east", "2026-03"), Row("s-east-4", 5, "east", "2026-04"), Row("s-north-4", 7, "north", "2026-04"))),
                new PivotSubtotal(2, Answer(2, Row("s-li", 30, "east", "li"), Row("s-wang", 5, "east", "wang"), Row("s-zhao", 7, "north", "zhao")),
                    Answer(3, Row("s-li-3", 30, "east", "li", "2026-03"), Row("s-wang-4", 5, "east", "wang", "2026-04"), Row("s-zhao-4", 7, "north", "zhao", "2026-04"))),
            ],
        };

        var layout = new PivotLayout(answer);
        Assert.Equal(["r1", "r2", "s-li", "r3", "s-wang", "s-east", "r4", "s-zhao", "s-north"], layout.Lines.Select(l => l.Row.Drill));
        Assert.Equal([0, 0, 2, 0, 2, 1, 0, 2, 1], layout.Lines.Select(l => l.Depth));
        var east = layout.Lines.Single(l => l.Row.Drill == "s-east");
        Assert.Equal(["s-east-3", "s-east-4"], layout.Columns.Select(c => layout.Cell(east, c)?.Drill));
        var wang = layout.Lines.Single(l => l.Row.Drill == "s-wang");
        Assert.Equal([null, "s-wang-4"], layout.Columns.Select(c => layout.Cell(wang, c)?.Drill));
    }

    [Fact]
    public void A_single_group_down_has_no_subtotal_lines()
    {
        var rows = Answer(1, Row("r1", 10, "east"), Row("r2", 7, "north"));
        var layout = new PivotLayout(new ReportAnswer([.. rows.Columns, new ReportColumn("month", "Month", true, "text")], [], [17m]) { RowTotals = rows, ColumnTotals = Answer(1) });
        Assert.Equal(["r1", "r2"], layout.Lines.Select(l => l.Row.Drill));
        Assert.DoesNotContain(layout.Lines, l => l.Subtotal);
    }
}
