namespace Platform.Ocr.Imaging;

/// <summary>
/// A scanned file opened a page at a time: a PNG/JPEG/BMP/PNM image (one page), a multi-page TIFF, or a PDF
/// (rasterised page by page at the template's resolution). Only the page asked for is decoded, so a
/// 500-page PDF never sits in memory as 500 pictures. Anything that is not a readable scan is refused
/// with the reason (<see cref="ImageRejectedException"/>).
/// </summary>
public sealed class ScanDocument
{
    /// <summary>Larger files are refused before they are read.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    private readonly string _file;
    private readonly int _dpi;
    private readonly bool _pdf;

    private ScanDocument(string file, int dpi, bool pdf, int pages) => (_file, _dpi, _pdf, PageCount) = (file, dpi, pdf, pages);

    public int PageCount { get; }

    /// <summary>Opens <paramref name="file"/> and counts its pages; PDF pages will be drawn at <paramref name="dpi"/>.</summary>
    public static ScanDocument Open(string file, int dpi)
    {
        var info = new FileInfo(file);
        if (!info.Exists || info.Length == 0)
        {
            throw new ImageRejectedException("The file is empty.", Pipeline.PageProblems.Empty);
        }

        if (info.Length > MaxBytes)
        {
            throw new ImageRejectedException($"The file is {info.Length / (1024 * 1024)} MB; scans of at most {MaxBytes / (1024 * 1024)} MB are accepted.", Pipeline.PageProblems.TooLarge);
        }

        var head = new byte[8];
        using (var stream = File.OpenRead(file))
        {
            stream.ReadExactly(head, 0, (int)Math.Min(head.Length, info.Length));
        }

        if (PdfPages.IsPdf(head))
        {
            return new ScanDocument(file, dpi, pdf: true, PdfPages.CountPages(file));
        }

        // An image: its pages counted (refused here when it is no image, too large or corrupt), one page in memory at a time.
        return new ScanDocument(file, dpi, pdf: false, Picture.CountPages(File.ReadAllBytes(file)));
    }

    /// <summary>Page <paramref name="number"/> (from 1), decoded now; the caller disposes it.</summary>
    public Picture Page(int number)
    {
        if (number < 1 || number > PageCount)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, $"The file has {PageCount} pages.");
        }

        if (_pdf)
        {
            return Picture.Decode(PdfPages.RasterisePage(_file, _dpi, number));
        }

        return Picture.DecodePage(File.ReadAllBytes(_file), number - 1);
    }
}
