using System.Diagnostics;

namespace Platform.Ocr.Imaging;

/// <summary>
/// PDF scans, rasterised page by page by Poppler's <c>pdftoppm</c> (Debian package poppler-utils) at
/// the template's resolution, in grey. Leptonica does not read PDF; a missing pdftoppm is a clear error.
/// </summary>
public static class PdfPages
{
    public const string Tool = "/usr/bin/pdftoppm";

    public static bool IsPdf(byte[] data) => data.Length >= 5 && data.AsSpan(0, 5).SequenceEqual("%PDF-"u8);

    public const string InfoTool = "/usr/bin/pdfinfo";

    /// <summary>How many pages the PDF has (Poppler's <c>pdfinfo</c>), without rasterising any.</summary>
    public static int CountPages(string file, TimeSpan? timeout = null)
    {
        RequireTools();
        var (exit, output, errors) = Run(InfoTool, [file], timeout ?? TimeSpan.FromSeconds(30));
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return exit == 0 && line is not null && int.TryParse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture, out var pages) && pages > 0
            ? pages
            : throw new ImageRejectedException($"The PDF cannot be opened: {(errors.Trim() is { Length: > 0 } e ? e : "it holds no page")}", Pipeline.PageProblems.Unreadable);
    }

    /// <summary>One page (from 1) as a PNG file's bytes: a long PDF is read a page at a time, so memory stays bounded.</summary>
    public static byte[] RasterisePage(string file, int dpi, int page, TimeSpan? timeout = null)
    {
        RequireTools();
        var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A page drawn huge (a poster, a bad export) would rasterise to gigapixels: refused from its size before drawing it.
        var (_, info, _) = Run(InfoTool, ["-f", number, "-l", number, file], timeout ?? TimeSpan.FromSeconds(30));
        var size = System.Text.RegularExpressions.Regex.Match(info, @"size:\s+([\d.]+) x ([\d.]+) pts");
        if (size.Success)
        {
            var points = (Width: double.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Height: double.Parse(size.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            var pixels = points.Width / 72 * dpi * (points.Height / 72 * dpi);
            if (pixels > Picture.MaxPixels)
            {
                throw new ImageRejectedException($"Page {page} of the PDF is {points.Width / 72 * 25.4:0} × {points.Height / 72 * 25.4:0} mm: at {dpi} DPI that is {pixels / 1_000_000:0} million pixels; at most {Picture.MaxPixels / 1_000_000} million are accepted.", Pipeline.PageProblems.TooLarge);
            }
        }

        return Rasterise(file, dpi, timeout, ["-f", number, "-l", number]) is [var only] ? only : throw new ImageRejectedException($"Page {page} of the PDF could not be rasterised.");
    }

    /// <summary>The pages as PNG files' bytes, in order.</summary>
    public static IReadOnlyList<byte[]> Rasterise(string file, int dpi, TimeSpan? timeout = null) => Rasterise(file, dpi, timeout, []);

    private static void RequireTools()
    {
        if (!File.Exists(Tool) || !File.Exists(InfoTool))
        {
            throw new ImageRejectedException("The file is a PDF and pdftoppm is not installed: install the Debian package poppler-utils, or scan to TIFF, PNG or JPEG.", Pipeline.PageProblems.PdfToolMissing);
        }
    }

    private static (int Exit, string Output, string Errors) Run(string tool, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new ImageRejectedException("The PDF took too long to open.");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }

    private static List<byte[]> Rasterise(string file, int dpi, TimeSpan? timeout, string[] range)
    {
        RequireTools();

        var folder = Directory.CreateTempSubdirectory("platform-pdf-");
        try
        {
            var start = new ProcessStartInfo(Tool) { RedirectStandardError = true, RedirectStandardOutput = true };
            string[] arguments = ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-png", .. range, file, Path.Combine(folder.FullName, "page")];
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new ImageRejectedException("The PDF took too long to rasterise.");
            }

            var pages = Directory.GetFiles(folder.FullName, "page*.png").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
            return process.ExitCode == 0 && pages.Count > 0
                ? pages
                : throw new ImageRejectedException($"The PDF could not be rasterised: {errors.Result.Trim()}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
