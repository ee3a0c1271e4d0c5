using Platform.Core.Metadata;

namespace Platform.Reports.Models;

/// <summary>
/// A saved report: its question (entity, groups, measures, filter, period) and how it shows — a table, a pivot (the groups down,
/// <see cref="Columns"/> across), a chart of one of <see cref="Charts"/>, or a KPI card with a comparison and a target. Stored as
/// JSON (in app packages under <c>reports/</c>, and in the database); its JSON Schema is <c>docs/schemas/report.schema.json</c>.
/// </summary>
public sealed class ReportDefinition : ReportQuestion
{
    public static readonly string[] Displays = ["table", "pivot", "chart", "kpi"];

    public static readonly string[] Charts = ["bar", "stackedBar", "line", "area", "pie", "funnel", "gauge", "scatter"];

    public static readonly string[] Comparisons = ["previousPeriod", "samePeriodLastYear"];

    public static readonly string[] Formats = ["number", "percent", "money"];

    /// <summary>The report's title in each language (<c>zh-CN</c>, <c>en</c>).</summary>
    public LocalizedText Labels { get; set; } = new();

    /// <summary><c>table</c> (default), <c>pivot</c>, <c>chart</c> or <c>kpi</c>.</summary>
    public string Display { get; set; } = "table";

    /// <summary>For a chart: <c>bar</c>, <c>stackedBar</c>, <c>line</c>, <c>area</c>, <c>pie</c>, <c>funnel</c>, <c>gauge</c> or <c>scatter</c>.</summary>
    public string? Chart { get; set; }

    /// <summary>For a pivot: the groups across (a chart: the series, e.g. stacked by salesperson).</summary>
    public List<ReportGroup> Columns { get; set; } = [];

    /// <summary>For a KPI card or a trend: the same figures over <c>previousPeriod</c> or <c>samePeriodLastYear</c> (needs a period).</summary>
    public string? Compare { get; set; }

    /// <summary>For a KPI card or a gauge: the figure aimed at.</summary>
    public decimal? Target { get; set; }

    /// <summary>Whether it shows totals: tables, pivots, KPI cards and gauges do; the other charts show only their groups.</summary>
    public bool ShowsTotals() => Display != "chart" || Chart == "gauge";

    /// <summary>The same report over another range of its period's field (a page's or dashboard's period picker).</summary>
    public ReportDefinition WithRange(string range)
    {
        var copy = (ReportDefinition)MemberwiseClone();
        copy.Period = new ReportPeriod { Field = Period?.Field ?? "", Range = range };
        return copy;
    }

    /// <summary>The same report over only the records <paramref name="filter"/> picks too (a dashboard's salesperson or department).</summary>
    public ReportDefinition Narrowed(string filter)
    {
        var copy = (ReportDefinition)MemberwiseClone();
        copy.Filter = string.IsNullOrWhiteSpace(Filter) ? filter : $"({Filter}) and ({filter})";
        return copy;
    }

    /// <summary>The same pivot with only its first <paramref name="depth"/> groups down, its columns kept (the cells of a subtotal row).</summary>
    public ReportDefinition Outer(int depth)
    {
        var copy = (ReportDefinition)MemberwiseClone();
        copy.Groups = [.. Groups.Take(depth)];
        copy.Compare = null;
        return copy;
    }

    /// <summary>The same report grouped only by <paramref name="groups"/> (a pivot's row or column totals).</summary>
    public ReportDefinition GroupedBy(List<ReportGroup> groups)
    {
        var copy = (ReportDefinition)MemberwiseClone();
        copy.Groups = groups;
        copy.Columns = [];
        copy.Compare = null;
        return copy;
    }
}
