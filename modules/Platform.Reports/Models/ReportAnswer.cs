namespace Platform.Reports.Models;

/// <summary>
/// A report's figures: its columns (the groups, then the measures), a row per group and the totals over every record asked about;
/// for a report that compares, the same figures over the earlier period (<see cref="ComparedFrom"/> to <see cref="ComparedTo"/>, both included).
/// </summary>
public sealed record ReportAnswer(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows, IReadOnlyList<object?> Totals)
{
    /// <summary>The OData filter of every record the report counts (its filter and period): what a drill-down from the totals opens.</summary>
    public string? Drill { get; init; }

    /// <summary>For a pivot: the figures per row (the groups down only), and per column (across only).</summary>
    public ReportAnswer? RowTotals { get; init; }

    public ReportAnswer? ColumnTotals { get; init; }

    /// <summary>For a pivot with more columns than it lays out: how many were left out (the totals still count them).</summary>
    public int HiddenColumns { get; init; }

    /// <summary>For a pivot with several groups down: the subtotals of each outer group (区域 under which the salespeople are), outermost first.</summary>
    public IReadOnlyList<PivotSubtotal>? Subtotals { get; init; }

    public ReportAnswer? Comparison { get; init; }

    public DateOnly? ComparedFrom { get; init; }

    public DateOnly? ComparedTo { get; init; }
}

/// <summary>A column: its name (the group's field or the measure's name), its heading in the reader's language, whether it groups, and the field kind it shows.</summary>
public sealed record ReportColumn(string Name, string Label, bool Group, string Kind);

/// <summary>A group: its key values with their labels, and its measures.</summary>
public sealed record ReportRow(IReadOnlyList<ReportKey> Keys, IReadOnlyList<object?> Values)
{
    /// <summary>The OData filter of the records behind the group's figures, for the list a drill-down opens.</summary>
    public string? Drill { get; init; }
}

/// <summary>A key value as stored (an id, a choice's value, <c>2026-03</c>) and as people read it (a title, a choice's label, 2026年3月).</summary>
public sealed record ReportKey(object? Value, string Label);

/// <summary>
/// The subtotals of a pivot's rows at a depth (1: by the first group down only): per row (over every column) and per cell (each
/// column), each with its drill-down.
/// </summary>
public sealed record PivotSubtotal(int Depth, ReportAnswer Rows, ReportAnswer Cells);
