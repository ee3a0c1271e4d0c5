using Platform.Ocr.Imaging;
using SkiaSharp;

namespace Platform.Ocr.Tests;

/// <summary>
/// A long PDF (a night's scanning as one file) is read a page at a time: the memory the process holds does not grow with the
/// pages read. Measured alone, so no other test's pictures are counted.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class LongPdfTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("long-pdf-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public void A_PDF_of_500_pages_is_read_page_after_page_in_memory_that_does_not_grow_with_the_pages()
    {
        TestImages.RequireOcr();
        Skip.IfNot(System.IO.File.Exists(PdfPages.Tool), "pdftoppm (poppler-utils) is not installed: scripts/test.sh installs it.");
        var pdf = Pdf([.. Enumerable.Range(0, 500).Select(i => (595f, 842f, (byte)(100 + (i % 100))))]); // A4 pages
        var document = ScanDocument.Open(pdf, dpi: 50);
        Assert.Equal(500, document.PageCount);

        long? settled = null;
        var most = 0L;
        for (var number = 1; number <= document.PageCount; number++)
        {
            using (var page = document.Page(number))
            {
                Assert.InRange(page.Width, 412, 414);
            }

            if (number % 50 == 0)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                using var process = System.Diagnostics.Process.GetCurrentProcess();
                settled ??= process.PrivateMemorySize64;
                most = Math.Max(most, process.PrivateMemorySize64);
            }
        }

        // 500 pages kept would be 500 × 240 kB = 120 MB more; read one at a time, what the process holds stays put.
        Assert.True(most - settled!.Value < 40L * 1024 * 1024, $"memory grew by {(most - settled.Value) / (1024 * 1024)} MB over 450 pages");
    }

    private string Pdf(IEnumerable<(float Width, float Height, byte Shade)> pages)
    {
        var path = Path.Combine(_folder, "night.pdf");
        using var stream = File.Create(path);
        using var document = SKDocument.CreatePdf(stream, 72);
        foreach (var (width, height, shade) in pages)
        {
            using var canvas = document.BeginPage(width, height);
            canvas.Clear(new SKColor(shade, shade, shade));
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawRect(60, 60, 30, 30, paint);
            document.EndPage();
        }

        document.Close();
        return path;
    }
}

/// <summary>Tests that measure the process (memory) run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "measured alone";
}
