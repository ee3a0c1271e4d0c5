using Platform.Ocr.Corpus;
using Platform.Ocr.Imaging;
using Platform.Ocr.Templates;
using SkiaSharp;

namespace Platform.Ocr.Tests;

/// <summary>What the template designer snaps to on a blank form: its registration marks and the ruling lines of its boxes.</summary>
public sealed class BlankLayoutTests
{
    [SkippableFact]
    public void The_sample_blank_shows_its_four_marks_where_the_template_has_them()
    {
        TestImages.RequireOcr();
        var template = SampleForm.Load();
        using var blank = Picture.Decode(File.ReadAllBytes(BlankPath));

        var layout = BlankLayout.Find(blank);

        Assert.Equal(4, layout.Marks.Count);
        foreach (var anchor in template.Anchors)
        {
            Assert.Contains(layout.Marks, m => Math.Abs(m.X - anchor.X) <= 1 && Math.Abs(m.Y - anchor.Y) <= 1 && Math.Abs(m.Size - anchor.Size) <= 2);
        }
    }

    [SkippableFact]
    public void Every_box_of_the_sample_blank_is_bounded_by_found_lines()
    {
        TestImages.RequireOcr();
        var template = SampleForm.Load();
        using var blank = Picture.Decode(File.ReadAllBytes(BlankPath));

        var layout = BlankLayout.Find(blank);

        foreach (var cell in template.PlacedCells().Where(c => c.Cell.Type != CellKind.Check))
        {
            var (x, y, right, bottom) = (cell.Rect.X, cell.Rect.Y, cell.Rect.X + cell.Rect.Width, cell.Rect.Y + cell.Rect.Height);
            Assert.True(layout.Horizontal.Any(l => Near(l.Position, y) && l.From <= x + 3 && l.To >= right - 3), $"{cell.Path}: no line along its top at {y}");
            Assert.True(layout.Horizontal.Any(l => Near(l.Position + l.Thickness, bottom) && l.From <= x + 3 && l.To >= right - 3), $"{cell.Path}: no line along its bottom at {bottom}");
            Assert.True(layout.Vertical.Any(l => Near(l.Position, x) && l.From <= y + 3 && l.To >= bottom - 3), $"{cell.Path}: no line along its left at {x}");
            Assert.True(layout.Vertical.Any(l => Near(l.Position + l.Thickness, right) && l.From <= y + 3 && l.To >= bottom - 3), $"{cell.Path}: no line along its right at {right}");
        }
    }

    [SkippableFact]
    public void Text_and_empty_paper_make_no_lines_and_no_marks()
    {
        TestImages.RequireOcr();
        using var text = Picture.Decode(TestImages.Text("订货单 Order 12345 ——", size: 30, width: 900, height: 200));

        var layout = BlankLayout.Find(text);

        Assert.Empty(layout.Marks);
        Assert.Empty(layout.Vertical);
    }

    [SkippableFact]
    public void A_blank_scanned_with_noise_and_a_slight_turn_still_shows_its_marks_and_most_of_its_lines()
    {
        TestImages.RequireOcr();
        using var clean = SKBitmap.Decode(BlankPath);
        var scanned = ScanSimulator.Scan(clean, new ScanDistortion(0.15, 1.0, 0, 0, 0.6, 6, 85), new Random(3));
        using var picture = Picture.Decode(scanned);

        var layout = BlankLayout.Find(picture);

        Assert.InRange(layout.Marks.Count, 4, 4);
        Assert.True(layout.Horizontal.Count >= 40, $"{layout.Horizontal.Count} horizontal lines found");
        Assert.True(layout.Vertical.Count >= 40, $"{layout.Vertical.Count} vertical lines found");
    }

    private static string BlankPath => Path.ChangeExtension(SampleForm.TemplatePath, null).Replace(".template", ".blank", StringComparison.Ordinal) + ".png";

    private static bool Near(int a, int b) => Math.Abs(a - b) <= 2;
}
