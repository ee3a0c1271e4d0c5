namespace Platform.Reports.Models;

/// <summary>
/// What a report asks of an entity's records: which records (an OData filter and a period of a date field), grouped how, and which
/// figures per group. The JSON of <c>POST /api/reports/run</c> and of a report definition's query.
/// </summary>
public class ReportQuestion
{
    public string Entity { get; set; } = "";

    public List<ReportGroup> Groups { get; set; } = [];

    public List<ReportMeasure> Measures { get; set; } = [];

    /// <summary>An OData <c>$filter</c> (<c>status eq 'won'</c>); null for every record the reader may read.</summary>
    public string? Filter { get; set; }

    /// <summary>
    /// The filter as the report builder edits it — the list's conditions, all of which must hold. Kept so the builder can show
    /// them again; <see cref="Filter"/> is what runs (the builder writes it from these when they are applied).
    /// </summary>
    public List<Platform.Core.Metadata.ViewCondition>? Conditions { get; set; }

    public ReportPeriod? Period { get; set; }
}

/// <summary>A grouping: a field, and for a date its bucket (day, week, month, quarter, year).</summary>
public sealed class ReportGroup
{
    public string Field { get; set; } = "";

    /// <summary><c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c> or <c>year</c> (read by the runner, which names the choices when it is none of them).</summary>
    public string? Bucket { get; set; }
}

/// <summary>
/// A figure per group: a function (count, countDistinct, sum, average, min, max) of a field (none for a count of records), over the
/// group's records or those its own <see cref="Filter"/> picks; or an <see cref="Expression"/> of the other measures.
/// </summary>
public sealed class ReportMeasure
{
    public string Name { get; set; } = "";

    /// <summary><c>count</c>, <c>countDistinct</c>, <c>sum</c>, <c>average</c>, <c>min</c> or <c>max</c>; required unless <see cref="Expression"/> is given (read by the runner, which names the choices).</summary>
    public string? Function { get; set; }

    public string? Field { get; set; }

    /// <summary>An OData condition: the measure counts or sums only the group's records it picks (<c>stage eq 'won'</c>).</summary>
    public string? Filter { get; set; }

    /// <summary>A computed measure: a JavaScript expression of the other measures by name (<c>won / deals</c>), run in the rules sandbox.</summary>
    public string? Expression { get; set; }

    /// <summary>How the figure reads: <c>number</c> (default), <c>percent</c> (0.25 shows as 25 %) or <c>money</c>.</summary>
    public string? Format { get; set; }

    public Platform.Core.Metadata.LocalizedText? Label { get; set; }
}
