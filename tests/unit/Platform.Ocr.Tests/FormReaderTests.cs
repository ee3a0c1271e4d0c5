using Platform.Ocr.Corpus;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Recognition;
using Platform.Ocr.Templates;
using SkiaSharp;

namespace Platform.Ocr.Tests;

/// <summary>
/// The page pipeline on synthetic scans of the sample form (rotated, scaled, shifted, blurred, noisy
/// JPEGs with known values), and on everything a stack of scans can hold besides good pages.
/// </summary>
public sealed class FormReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocr-test-").FullName;
    private readonly FormTemplate _template = SampleForm.Load();
    private readonly RecognizerPool _recognizers = new();

    public void Dispose()
    {
        _recognizers.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public async Task Scanned_pages_give_their_header_line_items_and_check_marks_as_written()
    {
        TestImages.RequireOcr();
        var truths = CorpusWriter.Write(_template, 4, _folder, seed: 7);
        var reader = new FormReader(_template, _recognizers);

        var pages = await reader.ReadFilesAsync([.. truths.Select(t => Path.Combine(_folder, t.Image))]);

        Assert.All(pages, p => Assert.Equal(PageStatus.Read, p.Status));
        var compared = pages.Zip(truths).SelectMany(pair => pair.First.Cells.Select(c => (c.Type, Right: c.Value == Expected(pair.Second, c)))).ToList();
        Assert.All(compared.Where(c => c.Type == CellKind.Check), c => Assert.True(c.Right));
        Assert.True(Share(compared, CellKind.Text) >= 0.98, $"printed text right: {Share(compared, CellKind.Text):P1}");
        Assert.True(Share(compared, CellKind.Digits) >= 0.95, $"digits (in fonts) right: {Share(compared, CellKind.Digits):P1}");

        // Line items: exactly the rows the page has values in, in order.
        foreach (var (page, truth) in pages.Zip(truths))
        {
            var rows = truth.Values.Keys.Where(k => k.StartsWith("lines[", StringComparison.Ordinal)).Select(k => int.Parse(k[6..k.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order();
            Assert.Equal(rows, page.Lines.Select(l => l.Row).Distinct());
        }
    }

    [SkippableFact]
    public void The_printable_blank_form_in_the_package_aligns_and_reads_as_an_empty_form()
    {
        TestImages.RequireOcr();
        var blank = Path.Combine(Path.GetDirectoryName(SampleForm.TemplatePath)!, "apparel_order.blank.png");

        var page = new FormReader(_template, _recognizers).ReadFile(blank).Single();

        Assert.Equal(PageStatus.Read, page.Status);
        Assert.Empty(page.Lines);
        Assert.All(page.Cells, c => Assert.True(c.Value is null or "false", $"{c.Path}: {c.Value}"));
    }

    [SkippableFact]
    public void An_upside_down_page_is_turned_and_read()
    {
        TestImages.RequireOcr();
        var truth = CorpusWriter.Write(_template, 1, _folder, seed: 11).Single();
        var file = Path.Combine(_folder, "upside-down.png");
        using (var scan = SKBitmap.Decode(Path.Combine(_folder, truth.Image)))
        using (var turned = new SKBitmap(scan.Width, scan.Height, scan.ColorType, scan.AlphaType))
        {
            using (var canvas = new SKCanvas(turned))
            {
                canvas.RotateDegrees(180, scan.Width / 2f, scan.Height / 2f);
                using var image = SKImage.FromBitmap(scan);
                canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
            }

            File.WriteAllBytes(file, TestImages.Png(turned));
        }

        var page = new FormReader(_template, _recognizers).ReadFile(file).Single();

        Assert.Equal(PageStatus.Read, page.Status);
        Assert.True(page.TurnedOver);
        Assert.Equal(truth.Values["dealer_code"], page.Cells.Single(c => c.Path == "dealer_code").Value);
    }

    [SkippableFact]
    public async Task Bad_files_blank_pages_and_other_forms_each_get_a_clear_result_and_the_batch_goes_on()
    {
        TestImages.RequireOcr();
        var good = CorpusWriter.Write(_template, 1, _folder, seed: 3).Single();
        var jpeg = File.ReadAllBytes(Path.Combine(_folder, good.Image));
        var files = new Dictionary<string, byte[]>
        {
            ["truncated.jpg"] = jpeg[..(jpeg.Length * 2 / 5)],
            ["huge.png"] = TestImages.PngClaiming(30_000, 30_000),
            ["letter.txt"] = "Dear customer, thank you for your order."u8.ToArray(),
            ["blank.png"] = Blank(),
            ["other-form.png"] = OtherForm(),
        };
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(_folder, name), bytes);
        }

        var order = files.Keys.Prepend(good.Image).ToList();
        var pages = await new FormReader(_template, _recognizers).ReadFilesAsync([.. order.Select(f => Path.Combine(_folder, f))]);
        var byFile = pages.ToDictionary(p => Path.GetFileName(p.Source));

        Assert.Equal(PageStatus.Read, byFile[good.Image].Status);
        Assert.NotEqual(PageStatus.Read, byFile["truncated.jpg"].Status);
        Assert.False(string.IsNullOrEmpty(byFile["truncated.jpg"].Reason));
        Assert.Equal((PageStatus.Rejected, true), (byFile["huge.png"].Status, byFile["huge.png"].Reason!.Contains("30000 × 30000", StringComparison.Ordinal)));
        Assert.Equal((PageStatus.Rejected, true), (byFile["letter.txt"].Status, byFile["letter.txt"].Reason!.Contains("not an image", StringComparison.Ordinal)));
        Assert.Equal(PageStatus.Blank, byFile["blank.png"].Status);
        Assert.Equal(PageStatus.NotAligned, byFile["other-form.png"].Status);
        Assert.Contains("registration mark", byFile["other-form.png"].Reason, StringComparison.Ordinal);
        Assert.All(pages.Where(p => p.Status != PageStatus.Read), p => Assert.Empty(p.Cells));
    }

    [SkippableFact]
    public void Writing_in_a_cell_that_reads_as_nothing_is_flagged_never_silently_empty()
    {
        TestImages.RequireOcr();
        var name = _template.Cells.Single(c => c.Field == "dealer_name");
        var (_, file) = FilledPages.Write(_template, seed: 31, _folder, canvas =>
        {
            using var white = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(name.X + 6, name.Y + 6, name.Width - 12, name.Height - 12, white);
            using var pen = new SKPaint { Color = SKColors.Black, StrokeWidth = 4, IsAntialias = true, Style = SKPaintStyle.Stroke };
            for (var k = 0; k < 12; k++)
            {
                canvas.DrawLine(name.X + 40 + (k * 18), name.Y + (k % 2 == 0 ? 24 : 52), name.X + 58 + (k * 18), name.Y + (k % 2 == 0 ? 52 : 24), pen);
            }
        });

        var cell = new FormReader(_template, _recognizers).ReadFile(file).Single().Cells.Single(c => c.Path == "dealer_name");

        Assert.NotEmpty(cell.Flags);
        Assert.True(cell.Value is not null || cell.Flags.Contains(CellReader.UnreadInk), $"{cell.Value} {string.Join(",", cell.Flags)}");
    }

    [Fact]
    public void A_one_of_group_with_none_or_several_boxes_ticked_is_flagged()
    {
        var form = WithDeliveryGroup();

        CellResult Box(string field, bool ticked) => new(field, field, CellKind.Check, ticked ? "true" : "false", 0.9, []);

        Assert.All(CellValidator.CheckGroups([Box("urgent", true), Box("regular", false)], form), c => Assert.Empty(c.Flags));
        Assert.All(CellValidator.CheckGroups([Box("urgent", true), Box("regular", true)], form), c => Assert.Equal([CellValidator.OneOfBroken], c.Flags));
        Assert.All(CellValidator.CheckGroups([Box("urgent", false), Box("regular", false)], form), c => Assert.Equal([CellValidator.OneOfBroken], c.Flags));
    }

    [Fact]
    public void The_corpus_ticks_exactly_one_box_of_each_one_of_group()
    {
        var form = WithDeliveryGroup();

        var random = new Random(5);
        Assert.All(Enumerable.Range(0, 50).Select(_ => SampleValues.Draw(form, random)), values =>
            Assert.Equal(1, new[] { "urgent", "regular" }.Count(values.ContainsKey)));
    }

    [SkippableFact]
    public void A_PDF_of_scans_is_read_page_by_page_and_a_folder_of_scans_includes_it()
    {
        TestImages.RequireOcr();
        Skip.IfNot(File.Exists(Imaging.PdfPages.Tool), "pdftoppm (poppler-utils) is not installed: scripts/test.sh installs it.");
        var truths = CorpusWriter.Write(_template, 2, _folder, seed: 41);
        var pdf = Path.Combine(_folder, "stack.pdf");
        using (var stream = File.Create(pdf))
        using (var document = SKDocument.CreatePdf(stream, 200))
        {
            foreach (var truth in truths)
            {
                using var scan = SKBitmap.Decode(Path.Combine(_folder, truth.Image));
                using var canvas = document.BeginPage(scan.Width * 72f / 200, scan.Height * 72f / 200);
                canvas.Scale(72f / 200);
                using var image = SKImage.FromBitmap(scan);
                canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
                document.EndPage();
            }
        }

        var pages = new FormReader(_template, _recognizers).ReadFile(pdf);

        Assert.Equal([1, 2], pages.Select(p => p.Page));
        Assert.All(pages, p => Assert.Equal(PageStatus.Read, p.Status));
        Assert.Equal(truths.Select(t => t.Values["dealer_code"]), pages.Select(p => p.Cells.Single(c => c.Path == "dealer_code").Value));
        Assert.Contains(pdf, ScanFiles.In(_folder));
        Assert.All(new[] { "a.PNM", "b.pgm", "c.tiff", "d.pdf" }, f => Assert.True(ScanFiles.IsScan(f), f));
        Assert.False(ScanFiles.IsScan("page-0001.json"));
    }

    [SkippableFact]
    public void Rows_with_only_their_preprinted_style_and_colour_are_no_line_items()
    {
        TestImages.RequireOcr();
        var form = FormTemplate.Parse(_template.ToJson());
        foreach (var cell in form.Rows[0].Cells.Where(c => c.Field is "style_no" or "colour"))
        {
            cell.Preprinted = true;
        }

        var truth = CorpusWriter.Write(form, 1, _folder, seed: 43).Single();
        var page = new FormReader(form, _recognizers).ReadFile(Path.Combine(_folder, truth.Image)).Single();

        var written = truth.Values.Keys.Where(k => k.StartsWith("lines[", StringComparison.Ordinal) && !k.EndsWith(".style_no", StringComparison.Ordinal) && !k.EndsWith(".colour", StringComparison.Ordinal))
            .Select(k => int.Parse(k[6..k.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        Assert.True(written.Count < form.Rows[0].Count, "the page should have rows with nothing written in");
        Assert.Equal(form.Rows[0].Count, truth.Values.Keys.Count(k => k.EndsWith(".style_no", StringComparison.Ordinal))); // printed in every row
        Assert.Equal(written, page.Lines.Select(l => l.Row).Distinct());
    }

    [SkippableFact]
    public void A_size_grid_gives_one_line_item_per_size_with_a_quantity()
    {
        TestImages.RequireOcr();
        var form = FormTemplate.Parse(_template.ToJson());
        form.Rows[0].Grid = new SizeGrid
        {
            Field = "size", Quantity = "quantity",
            Columns = new() { ["qty_s"] = "S", ["qty_m"] = "M", ["qty_l"] = "L", ["qty_xl"] = "XL", ["qty_xxl"] = "XXL" },
        };
        form = FormTemplate.Parse(form.ToJson(), "grid");

        var truth = CorpusWriter.Write(form, 1, _folder, seed: 45).Single();
        var page = new FormReader(form, _recognizers).ReadFile(Path.Combine(_folder, truth.Image)).Single();

        var expected = page.Cells.Where(c => form.Rows[0].Grid!.Columns.ContainsKey(c.Field) && c.Path.StartsWith("lines[", StringComparison.Ordinal) && c.Value is not null && c.Value.Trim('0').Length > 0)
            .Select(c => (Row: int.Parse(c.Path[6..c.Path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture), Size: form.Rows[0].Grid!.Columns[c.Field], Quantity: c.Value))
            .OrderBy(l => l.Row).ThenBy(l => l.Size, StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 5, $"only {expected.Count} quantities on the page");
        Assert.Equal(expected, page.Lines.Select(l => (l.Row, Size: l.Values["size"]!, l.Values["quantity"])).OrderBy(l => l.Row).ThenBy(l => l.Size, StringComparer.Ordinal));
        Assert.All(page.Lines, l => Assert.Equal(page.Cells.Single(c => c.Path == $"lines[{l.Row}].style_no").Value, l.Values["style_no"]));
        Assert.All(page.Lines, l => Assert.False(l.Values.ContainsKey("qty_s")));

        form.Rows[0].Grid!.Columns["style_no"] = "?";
        form.Rows[0].Grid!.Quantity = "colour";
        var problems = Assert.Throws<TemplateException>(() => FormTemplate.Parse(form.ToJson(), "grid.json")).Problems;
        Assert.Contains(problems, p => p.Contains("grid: column 'style_no' is no handwritten digits cell of the row", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("grid: 'colour' must be a new field name", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Totals_that_are_not_the_sum_of_the_lines_and_values_outside_the_rules_are_flagged()
    {
        TestImages.RequireOcr();
        var cells = new List<CellResult>
        {
            new("lines[0].qty_s", "qty_s", CellKind.Digits, "12", 0.9, []),
            new("lines[1].qty_m", "qty_m", CellKind.Digits, "30", 0.9, []),
            new("total", "total", CellKind.Digits, "41", 0.9, []),
        };

        var checkedCells = CellValidator.CheckSums(cells, _template);
        var colour = _template.Rows[0].Cells.Single(c => c.Field == "colour");
        var code = _template.Cells.Single(c => c.Field == "dealer_code");

        Assert.Contains("sum_mismatch", checkedCells.Single(c => c.Path == "total").Flags);
        Assert.All(checkedCells, c => Assert.Contains("sum_mismatch", c.Flags)); // which one is wrong, nobody can tell
        Assert.Empty(CellValidator.CheckSums([.. cells.SkipLast(1), cells[2] with { Value = "42" }], _template).Single(c => c.Path == "total").Flags);

        // An unsure digit that the total agrees with is taken as right.
        var agreeing = CellValidator.CheckSums([cells[0] with { Flags = ["low_confidence"] }, cells[1], cells[2] with { Value = "42" }], _template);
        Assert.All(agreeing, c => Assert.Empty(c.Flags));
        Assert.All(agreeing, c => Assert.True(c.ConfirmedBySum));

        // A total written in a row sums that row only.
        var inRow = CellValidator.CheckSums(
            [
                new("lines[0].qty_s", "qty_s", CellKind.Digits, "5", 0.9, ["low_confidence"]),
                new("lines[0].qty_m", "qty_m", CellKind.Digits, "7", 0.9, []),
                new("lines[1].qty_s", "qty_s", CellKind.Digits, "100", 0.9, ["low_confidence"]),
                new("lines[0].total", "total", CellKind.Digits, "12", 0.9, []),
            ],
            _template);
        Assert.Empty(inRow[0].Flags);
        Assert.Equal(["low_confidence"], inRow[2].Flags);
        Assert.False(inRow[2].ConfirmedBySum);
        Assert.Contains("not_a_choice", CellValidator.Check(new("lines[0].colour", "colour", CellKind.Text, "紫色", 0.9, []), colour).Flags);
        var pattern = CellValidator.Check(new("dealer_code", "dealer_code", CellKind.Text, "D12", 0.4, []), code).Flags;
        Assert.Equal(["low_confidence", "pattern"], pattern);
    }

    /// <summary>The sample form with its urgent / regular boxes as one one-of group.</summary>
    private FormTemplate WithDeliveryGroup()
    {
        var form = FormTemplate.Parse(_template.ToJson());
        foreach (var box in form.Cells.Where(c => c.Field is "urgent" or "regular"))
        {
            box.OneOf = "delivery";
        }

        return form;
    }

    private static double Share(List<(CellKind Type, bool Right)> cells, CellKind type) =>
        (double)cells.Count(c => c.Type == type && c.Right) / cells.Count(c => c.Type == type);

    private static string? Expected(PageTruth truth, CellResult cell) =>
        cell.Type == CellKind.Check ? (truth.Values.ContainsKey(cell.Path) ? "true" : "false") : truth.Values.GetValueOrDefault(cell.Path);

    private byte[] Blank()
    {
        using var page = new SKBitmap(_template.Page.Width, _template.Page.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        page.Erase(SKColors.White);
        return TestImages.Png(page);
    }

    /// <summary>Another form: its marks sit elsewhere and are all of one size.</summary>
    private byte[] OtherForm()
    {
        var other = FormTemplate.Parse(_template.ToJson());
        other.Anchors = [.. other.Anchors.Select(a => new Anchor { Id = a.Id, X = a.X < 800 ? 400 : 1200, Y = a.Y < 1000 ? 500 : 1700, Size = 36 })];
        using var fonts = Fonts.Load();
        using var page = FormPainter.PaintBlank(other, fonts);
        return TestImages.Png(page);
    }
}
