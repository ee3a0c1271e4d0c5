using Platform.Reports.Models;

namespace Platform.Reports.Services;

/// <summary>
/// Arranging a dashboard's widgets on its twelve-column grid, as dragging and resizing them does: the widget moved or resized
/// takes its place, whatever it lands on moves down out of its way, and then every widget rises as far as the ones above let it,
/// so no two overlap and no gaps are left above any.
/// </summary>
public static class DashboardLayout
{
    public const int Columns = 12;

    public const int TallestWidget = 6;

    /// <summary>Where a new widget of <paramref name="width"/> columns goes: at the left, under everything there is.</summary>
    public static (int X, int Y) Below(IReadOnlyCollection<DashboardWidget> widgets) => (0, widgets.Count == 0 ? 0 : widgets.Max(w => w.Y + w.H));

    /// <summary>Puts <paramref name="moved"/> with its top-left corner at the cell given (kept inside the grid), as dropping it on an empty cell does.</summary>
    public static void Move(IList<DashboardWidget> widgets, DashboardWidget moved, int x, int y)
    {
        moved.X = Math.Clamp(x, 0, Columns - moved.W);
        moved.Y = Math.Max(0, y);
        Settle(widgets, moved);
    }

    /// <summary>Gives <paramref name="dragged"/> the place of <paramref name="target"/> and the target the dragged one's, as dropping one widget on another does.</summary>
    public static void Swap(IList<DashboardWidget> widgets, DashboardWidget dragged, DashboardWidget target)
    {
        if (dragged == target)
        {
            return;
        }

        (dragged.X, dragged.Y, target.X, target.Y) = (target.X, target.Y, dragged.X, dragged.Y);
        dragged.X = Math.Min(dragged.X, Columns - dragged.W);
        target.X = Math.Min(target.X, Columns - target.W);
        Settle(widgets, [.. new[] { dragged, target }.OrderBy(w => w.Y).ThenBy(w => w.X)]);
    }

    /// <summary>Makes <paramref name="resized"/> <paramref name="width"/> columns wide and <paramref name="height"/> rows high (kept inside the grid).</summary>
    public static void Resize(IList<DashboardWidget> widgets, DashboardWidget resized, int width, int height)
    {
        resized.W = Math.Clamp(width, 1, Columns);
        resized.H = Math.Clamp(height, 1, TallestWidget);
        resized.X = Math.Min(resized.X, Columns - resized.W);
        Settle(widgets, resized);
    }

    /// <summary>Takes a widget off and lets the others rise into the room it leaves.</summary>
    public static void Remove(IList<DashboardWidget> widgets, DashboardWidget removed)
    {
        widgets.Remove(removed);
        Rise(widgets);
    }

    public static bool Overlap(DashboardWidget a, DashboardWidget b) =>
        a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;

    private static void Settle(IList<DashboardWidget> widgets, params DashboardWidget[] placed)
    {
        // Whatever overlaps a widget that stays goes under it, and what that lands on goes under it in turn. Every push is
        // downwards, below the widget that pushed, so it ends.
        var staying = new Queue<DashboardWidget>(placed);
        while (staying.TryDequeue(out var keeper))
        {
            foreach (var other in widgets.Where(o => o != keeper && Overlap(o, keeper)).ToList())
            {
                other.Y = keeper.Y + keeper.H;
                staying.Enqueue(other);
            }
        }

        Rise(widgets);
    }

    /// <summary>Each widget, top first, rises while the row above it is free.</summary>
    private static void Rise(IList<DashboardWidget> widgets)
    {
        foreach (var widget in widgets.OrderBy(w => w.Y).ThenBy(w => w.X).ToList())
        {
            while (widget.Y > 0 && !widgets.Any(o => o != widget && Overlap(o, Shifted(widget, -1))))
            {
                widget.Y--;
            }
        }
    }

    private static DashboardWidget Shifted(DashboardWidget widget, int rows) =>
        new() { Report = widget.Report, X = widget.X, Y = widget.Y + rows, W = widget.W, H = widget.H };
}
