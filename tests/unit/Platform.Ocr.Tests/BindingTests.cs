using System.Runtime.InteropServices;
using Platform.Ocr.Imaging;
using Platform.Ocr.Native;
using Platform.Ocr.Recognition;

namespace Platform.Ocr.Tests;

/// <summary>The Tesseract and Leptonica binding against Debian's real libraries and models.</summary>
public sealed class BindingTests
{
    [SkippableFact]
    public void Tesseract_5_reads_a_style_number_with_a_whitelist_and_gives_each_character_with_its_alternatives()
    {
        TestImages.RequireOcr();
        using var picture = Picture.Decode(TestImages.Text("A2301-BK"));
        using var recognizer = TextRecognizer.Create("eng");

        var reading = recognizer.Read(picture, new ReadingOptions(ReadingOptions.SingleLine, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"));

        Assert.StartsWith("5.", TextRecognizer.Version, StringComparison.Ordinal);
        Assert.Equal("A2301-BK", reading.Text);
        Assert.InRange(reading.Confidence, 70, 100);
        Assert.Equal(8, reading.Symbols.Count);
        Assert.All(reading.Symbols, s => Assert.NotEmpty(s.Choices));
        Assert.Equal("A", reading.Symbols[0].Choices[0].Text);
    }

    [SkippableFact]
    public void Simplified_Chinese_is_read_with_its_own_model()
    {
        TestImages.RequireOcr();
        using var picture = Picture.Decode(TestImages.Text("藏青色", 48));
        using var recognizer = TextRecognizer.Create("chi_sim");

        Assert.Equal("藏青色", recognizer.Read(picture, new ReadingOptions(ReadingOptions.SingleLine)).Text);
    }

    [SkippableFact]
    public void A_missing_language_model_names_the_Debian_package_to_install()
    {
        TestImages.RequireOcr();
        var empty = Directory.CreateTempSubdirectory().FullName;

        var refused = Assert.Throws<OcrUnavailableException>(() => TextRecognizer.Create("chi_sim", empty));

        Assert.Contains("tesseract-ocr-chi-sim", refused.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void OpenMP_is_limited_to_one_thread_in_the_process_environment_before_Tesseract_loads()
    {
        TestImages.RequireOcr();
        NativeLibraries.EnsureLoaded();

        Assert.Equal("1", Marshal.PtrToStringAnsi(getenv("OMP_THREAD_LIMIT")));
    }

    [SkippableFact]
    public void The_pool_loads_one_engine_per_language_and_worker_and_reuses_them()
    {
        TestImages.RequireOcr();
        using var picture = Picture.Decode(TestImages.Text("123"));
        using var pool = new RecognizerPool();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("123", pool.Use("eng", r => r.Read(picture, new ReadingOptions(ReadingOptions.SingleLine, "0123456789")).Text));
        }

        Assert.Equal(1, pool.Loaded);
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ => pool.Use("eng", r => r.Read(picture, new ReadingOptions())));
        Assert.InRange(pool.Loaded, 1, 2);
    }

    [SkippableFact]
    public void Files_that_are_not_images_truncated_or_huge_are_refused_with_the_reason_before_anything_is_allocated()
    {
        TestImages.RequireOcr();
        var png = TestImages.Text("A2301-BK");

        Assert.Contains("not an image", Assert.Throws<ImageRejectedException>(() => Picture.Decode("Dear customer, this is no scan"u8.ToArray())).Message, StringComparison.Ordinal);
        Assert.Contains("empty", Assert.Throws<ImageRejectedException>(() => Picture.Decode([])).Message, StringComparison.Ordinal);
        Assert.Contains("30000 × 30000", Assert.Throws<ImageRejectedException>(() => Picture.Decode(TestImages.PngClaiming(30_000, 30_000))).Message, StringComparison.Ordinal);
        Assert.Throws<ImageRejectedException>(() => Picture.Decode(png[..(png.Length / 3)]));
    }

    [SkippableFact]
    public void Every_page_of_a_multi_page_TIFF_is_read()
    {
        TestImages.RequireOcr();
        var tiff = TestImages.MultiPageTiff([(300, 200, 255), (320, 240, 0), (100, 50, 128)]);

        var pages = Picture.DecodePages(tiff);
        try
        {
            Assert.Equal([(300, 200), (320, 240), (100, 50)], pages.Select(p => (p.Width, p.Height)));
            Assert.Equal(128, pages[2].ToGrey().ReadGrey()[0]);
        }
        finally
        {
            foreach (var page in pages)
            {
                page.Dispose();
            }
        }
    }

    [SkippableFact]
    public void Skew_is_measured_and_undone_and_ink_is_counted_clipped_and_bordered()
    {
        TestImages.RequireOcr();
        using var page = Picture.Decode(TestImages.Text("The quick brown fox jumps over the lazy dog 2026", 36, degrees: 2, width: 1200, height: 400));
        using var ink = page.Binarize();

        var (skew, confidence) = ink.FindSkew();
        using var straight = page.Rotate(skew);
        using var straightInk = straight.Binarize();

        Assert.InRange(Math.Abs(skew), 1.5, 2.5);
        Assert.True(confidence > 2);
        Assert.InRange(Math.Abs(straightInk.FindSkew().Degrees), 0, 0.3);
        using var clipped = ink.ClipToInk()!;
        Assert.Equal(ink.CountInk(), clipped.CountInk());
        using var bordered = clipped.AddWhiteBorder(10);
        Assert.Equal((clipped.Width + 20, clipped.Height + 20, clipped.CountInk()), (bordered.Width, bordered.Height, bordered.CountInk()));
    }

    [SkippableFact]
    public void A_warp_by_three_points_moves_a_mark_where_it_is_told()
    {
        TestImages.RequireOcr();
        var pixels = Enumerable.Repeat((byte)255, 200 * 200).ToArray();
        for (var y = 40; y < 60; y++)
        {
            for (var x = 40; x < 60; x++)
            {
                pixels[(y * 200) + x] = 0;
            }
        }

        using var picture = Picture.FromGrey(pixels, 200, 200);
        using var moved = picture.Warp([(0, 0), (100, 0), (0, 100)], [(30, 20), (130, 20), (30, 120)]);
        using var ink = moved.Threshold(128);

        var blob = Assert.Single(ink.InkBlobs());
        Assert.InRange(blob.X, 69, 71);
        Assert.InRange(blob.Y, 59, 61);
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr getenv(string name);
}
