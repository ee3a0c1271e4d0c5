namespace Platform.Ocr.Pipeline;

/// <summary>Which files in a folder of scans are read: every kind the reader takes (images, multi-page TIFF, PDF).</summary>
public static class ScanFiles
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".pnm", ".pbm", ".pgm", ".ppm", ".pdf",
    };

    public static bool IsScan(string file) => Extensions.Contains(Path.GetExtension(file));

    /// <summary>The scans in <paramref name="folder"/>, in name order.</summary>
    public static IEnumerable<string> In(string folder) => Directory.EnumerateFiles(folder).Where(IsScan).Order(StringComparer.Ordinal);
}
