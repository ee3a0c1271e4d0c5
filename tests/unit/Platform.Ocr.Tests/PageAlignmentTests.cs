using Platform.Ocr.Corpus;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Recognition;
using Platform.Ocr.Templates;
using SkiaSharp;

namespace Platform.Ocr.Tests;

/// <summary>
/// Which way up a page is comes from the page, and a registration mark the scanner cut off is never trusted: a form
/// with four alike marks is turned by where its printed texts have ink; a page with one mark cut by the scan's edge is
/// aligned on the other three and says which mark it lost; with two cut off it is refused, naming them.
/// </summary>
public sealed class PageAlignmentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocr-align-").FullName;
    private readonly RecognizerPool _recognizers = new();

    public void Dispose()
    {
        _recognizers.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public void A_form_with_four_alike_marks_is_read_upright_and_turned_when_upside_down()
    {
        TestImages.RequireOcr();
        var form = AlikeMarks();
        var truth = CorpusWriter.Write(form, 1, _folder, seed: 21).Single();
        var scan = Path.Combine(_folder, truth.Image);
        var reader = new FormReader(form, _recognizers);

        var upright = reader.ReadFile(scan).Single();
        var turned = reader.ReadFile(Save("turned.png", Transformed(scan, turn: true))).Single();

        Assert.Equal((PageStatus.Read, false), (upright.Status, upright.TurnedOver));
        Assert.Equal((PageStatus.Read, true), (turned.Status, turned.TurnedOver));
        foreach (var page in new[] { upright, turned })
        {
            Assert.Equal(truth.Values["dealer_code"], page.Cells.Single(c => c.Path == "dealer_code").Value);
            Assert.Equal(truth.Values["lines[0].style_no"], page.Cells.Single(c => c.Path == "lines[0].style_no").Value);
        }
    }

    [SkippableFact]
    public void A_page_with_a_mark_cut_off_by_the_scan_edge_is_aligned_on_the_other_three_and_names_it()
    {
        TestImages.RequireOcr();
        var form = SampleForm.Load();
        var (values, scan) = FilledPages.Write(form, seed: 22, _folder);
        var topLeft = form.Anchors[0];

        // The page lies askew on the scanner and its left edge runs through the middle of the top-left mark.
        var askew = Save("askew.png", Transformed(scan, degrees: -2.5));
        var mark = MarkIn(askew, left: true, top: true);
        var cut = Save("cut.png", Transformed(askew, shiftX: -(mark.Left + (mark.Width / 2))));
        var page = new FormReader(form, _recognizers).ReadFile(cut).Single();

        Assert.True(page.Status == PageStatus.Read, page.Reason);
        Assert.Equal([$"{PageAligner.MarkCutOff}:{topLeft.Id}"], page.Warnings);
        Assert.Equal(page.Warnings, PageResultJson.Parse(PageResultJson.Line([page]))!.Single().Warnings); // as worker processes pass it on
        Assert.Equal(values["dealer_code"], page.Cells.Single(c => c.Path == "dealer_code").Value);
        var printed = page.Cells.Where(c => c.Type == CellKind.Text && values.ContainsKey(c.Path)).ToList();
        Assert.True(printed.Count(c => c.Value == values[c.Path]) >= printed.Count * 0.95, string.Join("; ", printed.Where(c => c.Value != values[c.Path]).Select(c => $"{c.Path}: {c.Value} ≠ {values[c.Path]}")));
    }

    [SkippableFact]
    public void A_page_with_two_marks_cut_off_is_refused_naming_them()
    {
        TestImages.RequireOcr();
        var form = SampleForm.Load();
        var (_, scan) = FilledPages.Write(form, seed: 23, _folder);
        var left = form.Anchors[2];

        // The left edge runs through the middle of the bottom-left mark and cuts the larger top-left one too.
        var mark = MarkIn(scan, left: true, top: false);
        var cut = Save("cut-left.png", Transformed(scan, shiftX: -(mark.Left + (mark.Width / 2))));
        var page = new FormReader(form, _recognizers).ReadFile(cut).Single();

        Assert.Equal(PageStatus.NotAligned, page.Status);
        Assert.Contains("cut off", page.Reason, StringComparison.Ordinal);
        Assert.Contains(form.Anchors[0].Id, page.Reason, StringComparison.Ordinal);
        Assert.Contains(left.Id, page.Reason, StringComparison.Ordinal);
    }

    /// <summary>The sample form with its four marks of one size, as many real forms print them.</summary>
    private static FormTemplate AlikeMarks()
    {
        var form = FormTemplate.Parse(SampleForm.Load().ToJson());
        var size = form.Anchors[1].Size;
        var first = form.Anchors[0];
        form.Anchors[0] = new Anchor { Id = first.Id, X = first.X + ((first.Size - size) / 2), Y = first.Y + ((first.Size - size) / 2), Size = size };
        return FormTemplate.Parse(form.ToJson(), "alike-marks");
    }

    /// <summary>Where a corner's mark is in a scan: the dark blob around the first spot that is solid ink (a mark is, writing is not).</summary>
    private static SKRectI MarkIn(string file, bool left, bool top)
    {
        using var scan = SKBitmap.Decode(file);
        bool Dark(int x, int y) => x >= 0 && y >= 0 && x < scan.Width && y < scan.Height && scan.GetPixel(x, y) is var p && p.Red + p.Green + p.Blue < 200;
        const int reach = 400;
        var ys = top ? Enumerable.Range(0, reach) : Enumerable.Range(scan.Height - reach, reach);
        var seed = ys.SelectMany(y => Enumerable.Range(left ? 0 : scan.Width - reach, reach).Select(x => (x, y)))
            .First(p => Enumerable.Range(-6, 13).All(d => Dark(p.x + d, p.y) && Dark(p.x, p.y + d) && Dark(p.x + d, p.y + d)));
        var seen = new HashSet<(int, int)> { seed };
        var queue = new Queue<(int X, int Y)>([seed]);
        int minX = seed.x, minY = seed.y, maxX = seed.x, maxY = seed.y;
        while (queue.TryDequeue(out var p))
        {
            (minX, minY, maxX, maxY) = (Math.Min(minX, p.X), Math.Min(minY, p.Y), Math.Max(maxX, p.X), Math.Max(maxY, p.Y));
            foreach (var next in new[] { (p.X + 1, p.Y), (p.X - 1, p.Y), (p.X, p.Y + 1), (p.X, p.Y - 1) })
            {
                if (Dark(next.Item1, next.Item2) && seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return new SKRectI(minX, minY, maxX + 1, maxY + 1);
    }

    private string Save(string name, byte[] png)
    {
        var file = Path.Combine(_folder, name);
        File.WriteAllBytes(file, png);
        return file;
    }

    private static byte[] Transformed(string file, bool turn = false, int shiftX = 0, double degrees = 0)
    {
        using var scan = SKBitmap.Decode(file);
        using var result = new SKBitmap(scan.Width, scan.Height, scan.ColorType, scan.AlphaType);
        using (var canvas = new SKCanvas(result))
        {
            canvas.Clear(SKColors.White);
            canvas.RotateDegrees(turn ? 180 : (float)degrees, scan.Width / 2f, scan.Height / 2f);
            using var image = SKImage.FromBitmap(scan);
            canvas.DrawImage(image, shiftX, 0, new SKSamplingOptions(degrees == 0 ? SKFilterMode.Nearest : SKFilterMode.Linear));
        }

        return TestImages.Png(result);
    }
}
