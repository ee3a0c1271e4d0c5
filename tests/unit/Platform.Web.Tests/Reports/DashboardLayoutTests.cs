using Platform.Reports.Models;
using Platform.Reports.Services;

namespace Platform.Web.Tests.Reports;

/// <summary>Arranging a dashboard as dragging and resizing do: nothing overlaps afterwards and nothing floats with room above it.</summary>
public sealed class DashboardLayoutTests
{
    private static DashboardWidget At(string report, int x, int y, int w, int h) => new() { Report = report, X = x, Y = y, W = w, H = h };

    private static string Places(IEnumerable<DashboardWidget> widgets) =>
        string.Join(" ", widgets.OrderBy(w => w.Report, StringComparer.Ordinal).Select(w => $"{w.Report}:{w.X},{w.Y},{w.W},{w.H}"));

    [Fact]
    public void A_new_widget_goes_under_everything_at_the_left()
    {
        Assert.Equal((0, 0), DashboardLayout.Below([]));
        Assert.Equal((0, 5), DashboardLayout.Below([At("a", 0, 0, 6, 2), At("b", 6, 2, 6, 3)]));
    }

    [Fact]
    public void A_widget_dropped_on_another_trades_places_with_it_and_one_taller_pushes_the_rest_down()
    {
        List<DashboardWidget> widgets = [At("chart", 0, 0, 6, 3), At("pivot", 0, 3, 6, 2), At("kpi", 6, 0, 3, 1)];
        DashboardLayout.Swap(widgets, widgets[1], widgets[0]);
        Assert.Equal("chart:0,2,6,3 kpi:6,0,3,1 pivot:0,0,6,2", Places(widgets));
    }

    [Fact]
    public void A_widget_dropped_on_a_free_cell_lands_there_or_as_high_as_there_is_room()
    {
        List<DashboardWidget> widgets = [At("a", 0, 0, 6, 3), At("b", 0, 3, 6, 3)];
        DashboardLayout.Move(widgets, widgets[1], 6, 4);
        Assert.Equal("a:0,0,6,3 b:6,0,6,3", Places(widgets)); // nothing above it on the right: it rises to the top
        DashboardLayout.Move(widgets, widgets[1], 9, 0);
        Assert.Equal("a:0,0,6,3 b:6,0,6,3", Places(widgets)); // six wide, it starts where it still fits
    }

    [Fact]
    public void A_widget_dropped_onto_occupied_cells_takes_them_and_what_was_there_moves_down()
    {
        List<DashboardWidget> widgets = [At("a", 0, 0, 6, 2), At("b", 6, 0, 6, 2), At("c", 0, 2, 12, 1)];
        DashboardLayout.Move(widgets, widgets[2], 0, 0);
        Assert.Equal("a:0,1,6,2 b:6,1,6,2 c:0,0,12,1", Places(widgets));
        Assert.False(Overlapping(widgets));
    }

    [Fact]
    public void Resizing_keeps_a_widget_inside_the_grid_and_out_of_its_neighbours_way()
    {
        List<DashboardWidget> widgets = [At("a", 6, 0, 6, 2), At("b", 0, 0, 6, 2)];
        DashboardLayout.Resize(widgets, widgets[0], 8, 9);
        Assert.Equal("a:4,0,8,6 b:0,6,6,2", Places(widgets)); // at most twelve columns and six rows; the one beside goes under
        DashboardLayout.Resize(widgets, widgets[0], 0, 0);
        Assert.Equal("a:4,0,1,1 b:0,1,6,2", Places(widgets)); // at least one by one; the other rises as far as it now can
    }

    [Fact]
    public void Taking_a_widget_off_lets_those_under_it_rise()
    {
        List<DashboardWidget> widgets = [At("a", 0, 0, 12, 2), At("b", 0, 2, 6, 1), At("c", 6, 2, 6, 3)];
        DashboardLayout.Remove(widgets, widgets[0]);
        Assert.Equal("b:0,0,6,1 c:6,0,6,3", Places(widgets));
    }

    [Fact]
    public void However_widgets_are_dragged_none_ends_overlapping_another_or_outside_the_grid()
    {
        var random = new Random(20261206);
        for (var round = 0; round < 200; round++)
        {
            var widgets = Enumerable.Range(0, random.Next(2, 9)).Select(i => At($"w{i}", 0, i * 6, random.Next(1, 13), random.Next(1, 7))).ToList();
            foreach (var widget in widgets)
            {
                widget.X = random.Next(0, 13 - widget.W);
            }

            for (var step = 0; step < 10; step++)
            {
                var widget = widgets[random.Next(widgets.Count)];
                switch (random.Next(3))
                {
                    case 0: DashboardLayout.Move(widgets, widget, random.Next(12), random.Next(10)); break;
                    case 1: DashboardLayout.Swap(widgets, widget, widgets[random.Next(widgets.Count)]); break;
                    default: DashboardLayout.Resize(widgets, widget, random.Next(0, 14), random.Next(0, 8)); break;
                }

                Assert.False(Overlapping(widgets), Places(widgets));
                Assert.All(widgets, w => Assert.True(w.X >= 0 && w.X + w.W <= 12 && w.Y >= 0 && w.H is >= 1 and <= 6, Places(widgets)));
            }
        }
    }

    private static bool Overlapping(List<DashboardWidget> widgets) =>
        widgets.Any(a => widgets.Any(b => a != b && DashboardLayout.Overlap(a, b)));
}
