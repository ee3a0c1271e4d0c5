namespace Platform.Records.Reports;

/// <summary>
/// A report or dashboard someone saved: theirs alone, or shared with everyone when <see cref="OwnerId"/> is null. Its definition is
/// JSON the reports module reads; the row only knows what to find it by.
/// </summary>
public sealed class SavedReport
{
    public const string ReportKind = "report";

    public const string DashboardKind = "dashboard";

    public Guid Id { get; set; }

    /// <summary><see cref="ReportKind"/> or <see cref="DashboardKind"/>.</summary>
    public string Kind { get; set; } = ReportKind;

    /// <summary>The entity a report counts (lower case); null for a dashboard.</summary>
    public string? EntityKey { get; set; }

    /// <summary>The user it belongs to; null when shared.</summary>
    public string? OwnerId { get; set; }

    public string Label { get; set; } = "";

    /// <summary>The definition as JSON.</summary>
    public string Definition { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>For what an app package brings: its file (<c>reports/revenue_by_month.json</c>), by which applying the package again finds it.</summary>
    public string? Source { get; set; }
}
