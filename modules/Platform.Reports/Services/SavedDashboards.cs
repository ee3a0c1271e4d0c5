using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Records.Query.Aggregation;
using Platform.Records.Reports;
using Platform.Reports.Models;

namespace Platform.Reports.Services;

/// <summary>A dashboard as pages show it: its definition, whose it is, and its widgets' reports (null where a report is gone).</summary>
public sealed record DashboardEntry(Guid Id, DashboardDefinition Definition, bool Shared, bool Mine, string? Source);

/// <summary>
/// Dashboards: each user's own and the shared ones, each for the roles it names (everyone when none; administrators see all). A
/// dashboard is checked when saved or applied: its grid, its filters, and that every widget's report exists.
/// </summary>
public sealed class SavedDashboards(IServiceScopeFactory scopes, IEnumerable<Platform.Web.Home.DashboardPartRegistration> kinds)
{
    public const int MostWidgets = 24;

    /// <summary>The dashboards for the person: shared ones for their roles, and their own, by title.</summary>
    public async Task<IReadOnlyList<DashboardEntry>> ListAsync(Actor actor, string culture, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<ISavedReportStore>().VisibleToAsync(SavedReport.DashboardKind, actor.UserId, cancellationToken);
        return [.. saved.Select(r => Entry(r, actor)).Where(e => e.Mine || ForRoles(e.Definition, actor))
            .OrderBy(e => !e.Shared).ThenBy(e => e.Definition.Labels.For(culture), StringComparer.Create(new System.Globalization.CultureInfo(culture), false))];
    }

    public async Task<DashboardEntry?> FindAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<ISavedReportStore>().FindAsync(id, cancellationToken);
        if (row is null || row.Kind != SavedReport.DashboardKind || (row.OwnerId is not null && row.OwnerId != actor.UserId))
        {
            return null;
        }

        var entry = Entry(row, actor);
        return entry.Mine || ForRoles(entry.Definition, actor) ? entry : null;
    }

    /// <summary>The id of a widget's report: the id it names, or the report the package file it names defined; null when there is none.</summary>
    public async Task<Guid?> ReportOfAsync(DashboardWidget widget, CancellationToken cancellationToken = default)
    {
        if (widget.Kind != DashboardWidget.ReportKind)
        {
            return null;
        }

        if (Guid.TryParse(widget.Report, out var id))
        {
            return id;
        }

        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ISavedReportStore>().FindFromPackageAsync(SavedReport.ReportKind, widget.Report, cancellationToken))?.Id;
    }

    /// <summary>Saves a dashboard (a new one when <paramref name="id"/> is null); answers its id, or the problem that stops it.</summary>
    public async Task<(Guid? Id, AggregateRefusedException? Problem)> SaveAsync(Guid? id, DashboardDefinition dashboard, bool shared, Actor actor, bool mayShare,
        CancellationToken cancellationToken = default)
    {
        if (shared && !mayShare)
        {
            return (null, new AggregateRefusedException("shared", "Reports.Error.MayNotShare", "Your roles do not let you share dashboards."));
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISavedReportStore>();
        if (await ProblemAsync(store, dashboard, cancellationToken, shared ? null : actor.UserId, kinds) is { } problem)
        {
            return (null, problem);
        }

        var row = id is null ? null : await store.FindAsync(id.Value, cancellationToken);
        if (id is not null && (row is null || row.Kind != SavedReport.DashboardKind || (row.OwnerId is null ? !mayShare : row.OwnerId != actor.UserId)))
        {
            return (null, new AggregateRefusedException("id", "Reports.Error.NoDashboard", "There is no dashboard of yours with this id."));
        }

        if (row is null)
        {
            row = new SavedReport { Id = Guid.NewGuid(), Kind = SavedReport.DashboardKind };
            store.Add(row);
        }

        (row.OwnerId, row.Label, row.Definition, row.UpdatedAt, row.UpdatedBy) =
            (shared ? null : actor.UserId, Title(dashboard), JsonSerializer.Serialize(dashboard, SavedReports.Json), DateTimeOffset.UtcNow, actor.Name);
        await store.SaveChangesAsync(cancellationToken);
        return (row.Id, null);
    }

    /// <summary>Deletes a dashboard the person may change (their own; a shared one with the right to share); false when there is none such.</summary>
    public async Task<bool> DeleteAsync(Guid id, Actor actor, bool mayShare, CancellationToken cancellationToken = default)
    {
        var entry = await FindAsync(id, actor, cancellationToken);
        if (entry is null || (entry.Shared ? !mayShare : !entry.Mine))
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISavedReportStore>();
        store.Remove((await store.FindAsync(id, cancellationToken))!);
        await store.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// What is wrong with a dashboard (its title, grid, filters, refresh, widgets' reports), or null. A shared dashboard
    /// (<paramref name="owner"/> null) shows shared reports only; a person's own may show their own reports too.
    /// </summary>
    /// <param name="kinds">The kinds of widget modules offer besides reports (<c>list</c>, <c>tasks</c>).</param>
    public static async Task<AggregateRefusedException?> ProblemAsync(ISavedReportStore store, DashboardDefinition dashboard, CancellationToken cancellationToken,
        string? owner = null, IEnumerable<Platform.Web.Home.DashboardPartRegistration>? kinds = null)
    {
        if (dashboard.Labels.Values.All(string.IsNullOrWhiteSpace))
        {
            return new("labels", "Reports.Error.NoLabel", "A dashboard needs a title (labels).");
        }

        if (dashboard.Widgets.Count is 0 or > MostWidgets)
        {
            return new("widgets", "Reports.Error.Widgets", $"A dashboard holds 1 to {MostWidgets} widgets.", MostWidgets);
        }

        if (dashboard.RefreshSeconds is { } seconds && seconds is < 30 or > 3600)
        {
            return new("refreshSeconds", "Reports.Error.Refresh", "A dashboard refreshes every 30 to 3600 seconds.");
        }

        if (dashboard.Filters.FirstOrDefault(f => !DashboardDefinition.FilterKinds.Contains(f)) is { } filter)
        {
            return new("filters", "Reports.Error.DashboardFilter", $"'{filter}' is not a dashboard filter: use {string.Join(", ", DashboardDefinition.FilterKinds)}.",
                filter, string.Join(", ", DashboardDefinition.FilterKinds));
        }

        for (var i = 0; i < dashboard.Widgets.Count; i++)
        {
            var widget = dashboard.Widgets[i];
            if (widget.X is < 0 or > 11 || widget.W is < 1 or > 12 || widget.X + widget.W > 12 || widget.Y is < 0 or > 100 || widget.H is < 1 or > 6)
            {
                return new($"widgets[{i}]", "Reports.Error.Place", "A widget sits within the twelve columns (x 0–11, w 1–12, x + w ≤ 12) and is 1 to 6 rows high.");
            }

            if (widget.Kind != DashboardWidget.ReportKind)
            {
                if (kinds?.FirstOrDefault(k => k.Kind == widget.Kind) is not { } kind)
                {
                    var offered = string.Join(", ", (kinds ?? []).Select(k => k.Kind).Prepend(DashboardWidget.ReportKind));
                    return new($"widgets[{i}].kind", "Reports.Error.WidgetKind", $"'{widget.Kind}' is not a kind of widget: use {offered}.", widget.Kind, offered);
                }

                if (kind.NeedsEntity && string.IsNullOrWhiteSpace(widget.Entity))
                {
                    return new($"widgets[{i}].entity", "Reports.Error.WidgetEntity", "A list widget names the entity whose records it shows.");
                }

                if (widget.Rows is < 1 or > 50)
                {
                    return new($"widgets[{i}].rows", "Reports.Error.WidgetRows", "A widget shows 1 to 50 rows.");
                }

                continue;
            }

            var found = Guid.TryParse(widget.Report, out var id)
                ? await store.FindAsync(id, cancellationToken) is { Kind: SavedReport.ReportKind } report && (report.OwnerId is null || report.OwnerId == owner)
                : await store.FindFromPackageAsync(SavedReport.ReportKind, widget.Report, cancellationToken) is not null;
            if (!found)
            {
                return new($"widgets[{i}].report", "Reports.Error.NoWidgetReport", $"There is no report '{widget.Report}'.", widget.Report);
            }
        }

        return null;
    }

    internal static string Title(DashboardDefinition dashboard)
    {
        var title = dashboard.Labels.TryGetValue("zh-CN", out var zh) && !string.IsNullOrWhiteSpace(zh) ? zh : dashboard.Labels.Values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "";
        return title.Trim().Length > 100 ? title.Trim()[..100] : title.Trim();
    }

    private static bool ForRoles(DashboardDefinition dashboard, Actor actor) =>
        dashboard.Roles.Count == 0 || actor.Rights.Unrestricted || dashboard.Roles.Any(r => actor.RoleNames.Contains(r, StringComparer.OrdinalIgnoreCase));

    private static DashboardEntry Entry(SavedReport row, Actor actor) =>
        new(row.Id, JsonSerializer.Deserialize<DashboardDefinition>(row.Definition, SavedReports.Json) ?? new DashboardDefinition(), row.OwnerId is null, row.OwnerId == actor.UserId, row.Source);
}
