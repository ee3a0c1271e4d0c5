using Platform.Ocr.Imaging;
using Platform.Ocr.Pipeline;
using SkiaSharp;

namespace Platform.Ocr.Tests;

/// <summary>
/// Scanned files opened a page at a time: a PDF's pages counted without drawing them and drawn one by one, a
/// multi-page TIFF's pages decoded one at a time; a PDF page drawn poster-sized, an empty file and a file that
/// is no scan refused with their reason and code.
/// </summary>
public sealed class ScanDocumentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scan-document-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A PDF whose pages are grey squares of the given sizes (points) and shades.</summary>
    private string Pdf(params (float Width, float Height, byte Shade)[] pages)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.pdf");
        using var stream = System.IO.File.Create(path);
        using var document = SKDocument.CreatePdf(stream, 72);
        foreach (var (width, height, shade) in pages)
        {
            using var canvas = document.BeginPage(width, height);
            canvas.Clear(new SKColor(shade, shade, shade));
            document.EndPage();
        }

        document.Close();
        return path;
    }

    private string File(byte[] content, string name)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    [SkippableFact]
    public void A_PDF_is_counted_without_drawing_and_each_page_is_drawn_on_its_own_at_the_templates_resolution()
    {
        TestImages.RequireOcr();
        Skip.IfNot(System.IO.File.Exists(PdfPages.Tool), "pdftoppm (poppler-utils) is not installed: scripts/test.sh installs it.");
        var pdf = Pdf((144, 72, 40), (72, 144, 200), (72, 72, 120));

        var document = ScanDocument.Open(pdf, dpi: 100);
        using var second = document.Page(2);
        using var third = document.Page(3);

        Assert.Equal(3, document.PageCount);
        Assert.Equal((100, 200), (second.Width, second.Height));
        Assert.Equal((100, 100), (third.Width, third.Height));
        Assert.Throws<ArgumentOutOfRangeException>(() => document.Page(4));
    }

    [SkippableFact]
    public void A_PDF_page_drawn_poster_sized_is_refused_before_it_is_drawn()
    {
        TestImages.RequireOcr();
        Skip.IfNot(System.IO.File.Exists(PdfPages.Tool), "pdftoppm (poppler-utils) is not installed: scripts/test.sh installs it.");
        var pdf = Pdf((72, 72, 0), (14_000, 14_000, 0)); // about 5 m square: 3.8 billion pixels at 200 DPI

        var document = ScanDocument.Open(pdf, dpi: 200);
        var refused = Assert.Throws<ImageRejectedException>(() => document.Page(2));

        Assert.Equal(PageProblems.TooLarge, refused.Code);
        Assert.Contains("million pixels", refused.Message, StringComparison.Ordinal);
        using var first = document.Page(1);
        Assert.Equal(200, first.Width);
    }

    [SkippableFact]
    public void A_multi_page_TIFF_gives_each_page_on_its_own()
    {
        TestImages.RequireOcr();
        var tiff = File(TestImages.MultiPageTiff([(30, 20, 10), (40, 50, 128), (60, 10, 250)]), "stack.tif");

        var document = ScanDocument.Open(tiff, dpi: 200);
        using var last = document.Page(3);

        Assert.Equal(3, document.PageCount);
        Assert.Equal((60, 10), (last.Width, last.Height));
    }

    [SkippableFact]
    public void An_empty_file_and_a_file_that_is_no_scan_are_refused_with_their_codes()
    {
        TestImages.RequireOcr();

        var empty = Assert.Throws<ImageRejectedException>(() => ScanDocument.Open(File([], "empty.png"), 200));
        var notes = Assert.Throws<ImageRejectedException>(() => ScanDocument.Open(File("meeting notes, not a scan"u8.ToArray(), "notes.jpg"), 200));
        var huge = Assert.Throws<ImageRejectedException>(() => ScanDocument.Open(File(TestImages.PngClaiming(20_000, 20_000), "huge.png"), 200));

        Assert.Equal((PageProblems.Empty, PageProblems.NotAScan, PageProblems.TooLarge), (empty.Code, notes.Code, huge.Code));
    }
}
