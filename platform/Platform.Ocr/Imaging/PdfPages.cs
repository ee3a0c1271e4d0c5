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

    /// <summary>The pages as PNG files' bytes, in order.</summary>
    public static IReadOnlyList<byte[]> Rasterise(string file, int dpi, TimeSpan? timeout = null)
    {
        if (!File.Exists(Tool))
        {
            throw new ImageRejectedException("The file is a PDF and pdftoppm is not installed: install the Debian package poppler-utils, or scan to TIFF, PNG or JPEG.");
        }

        var folder = Directory.CreateTempSubdirectory("platform-pdf-");
        try
        {
            var start = new ProcessStartInfo(Tool) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-png", file, Path.Combine(folder.FullName, "page") })
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
