using Platform.Core.Metadata;

namespace Platform.Reports.Models;

/// <summary>
/// A dashboard: saved reports laid out on a grid of twelve columns, for the roles named (everyone when none), optionally on the
/// home page, refreshed every <see cref="RefreshSeconds"/>, with filters that narrow every widget (the period, a salesperson, a
/// department). Stored as JSON (in app packages under <c>dashboards/</c>, and in the database); see <c>docs/schemas/dashboard.schema.json</c>.
/// </summary>
public sealed class DashboardDefinition
{
    public static readonly string[] FilterKinds = ["period", "owner", "department"];

    public LocalizedText Labels { get; set; } = new();

    /// <summary>The roles it is for (by name); none: everyone who may run its reports.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>Shown on the home page of the people it is for.</summary>
    public bool Home { get; set; }

    /// <summary>Runs its reports again this often (30 to 3600 seconds); none: only when opened or the filters change.</summary>
    public int? RefreshSeconds { get; set; }

    /// <summary>The filters offered above the widgets: <c>period</c>, <c>owner</c> (a salesperson), <c>department</c>.</summary>
    public List<string> Filters { get; set; } = [];

    public List<DashboardWidget> Widgets { get; set; } = [];
}

/// <summary>
/// A widget at a place on a dashboard's twelve-column grid: a saved report, or a kind another module draws — <c>list</c> (an
/// entity's records, as a saved view shows them) or <c>tasks</c> (the person's tasks).
/// </summary>
public sealed class DashboardWidget
{
    public const string ReportKind = "report";

    /// <summary><c>report</c> (default), or a kind a module offers: <c>list</c>, <c>tasks</c>.</summary>
    public string Kind { get; set; } = ReportKind;

    /// <summary>The report: its id, or for a package's dashboard the package file that defines it (<c>reports/revenue_by_month.json</c>).</summary>
    public string Report { get; set; } = "";

    /// <summary>For a list: the entity whose records it shows.</summary>
    public string? Entity { get; set; }

    /// <summary>For a list: the id of a saved view of the entity whose conditions, sort and columns it takes.</summary>
    public string? View { get; set; }

    /// <summary>For a list or tasks: how many it shows (1–50; default 8).</summary>
    public int? Rows { get; set; }

    /// <summary>The column it starts at (0–11) and how many it spans (1–12); its row and how many rows it is high (each row 8 rem).</summary>
    public int X { get; set; }

    public int Y { get; set; }

    public int W { get; set; } = 6;

    public int H { get; set; } = 1;
}
