using Platform.Ocr.Native;

namespace Platform.Ocr.Imaging;

/// <summary>
/// An image in Leptonica's memory (1-bit, 8-bit grey or 32-bit colour). Every operation returns a
/// new picture and leaves this one as it was; dispose each. Files are read from memory after their
/// header was checked, so a huge or broken file is refused before anything is allocated.
/// </summary>
public sealed partial class Picture : IDisposable
{
    /// <summary>The largest page accepted: 100 million pixels (an A3 sheet at 600 DPI is 70 million).</summary>
    public const long MaxPixels = 100_000_000;

    private readonly PixHandle _pix;

    private Picture(IntPtr pix, string what)
    {
        if (pix == IntPtr.Zero)
        {
            throw new ImageRejectedException($"The image library could not {what}.");
        }

        _pix = new PixHandle(pix);
        _ = LeptonicaNative.pixGetDimensions(pix, out var w, out var h, out var d);
        (Width, Height, Depth) = (w, h, d);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Bits per pixel: 1 (black and white), 8 (grey) or 32 (colour).</summary>
    public int Depth { get; }

    internal IntPtr Handle => _pix.DangerousGetHandle();

    /// <summary>
    /// Reads a PNG, JPEG, BMP or the first page of a TIFF from memory. Refuses, with the reason, what is
    /// not an image, what claims more than <see cref="MaxPixels"/> pixels (before allocating them) and
    /// what cannot be decoded (truncated, corrupt).
    /// </summary>
    public static Picture Decode(byte[] data) => Decode(data, page: 0)[0];

    /// <summary>Every page of a multi-page TIFF (one page for other formats).</summary>
    public static IReadOnlyList<Picture> DecodePages(byte[] data) => Decode(data, page: null);

    /// <summary>How many pages the image has (a multi-page TIFF's pages are decoded and let go one at a time).</summary>
    public static int CountPages(byte[] data)
    {
        var count = 0;
        WalkPages(data, _ => { count++; return true; });
        return count;
    }

    /// <summary>Page <paramref name="index"/> (from 0); the pages of a TIFF before it are decoded and let go one at a time, so memory holds one page.</summary>
    public static Picture DecodePage(byte[] data, int index)
    {
        Picture? found = null;
        var at = 0;
        WalkPages(data, page =>
        {
            if (at++ == index)
            {
                found = page;
                return false;
            }

            page.Dispose();
            return true;
        });
        return found ?? throw new ImageRejectedException($"The image has no page {index + 1}.");
    }

    /// <summary>Hands each page to <paramref name="take"/> (which owns it) until it answers false.</summary>
    private static void WalkPages(byte[] data, Func<Picture, bool> take)
    {
        if (!IsTiff(Check(data)))
        {
            take(new Picture(LeptonicaNative.pixReadMem(data, (nuint)data.Length), "decode the image (truncated or corrupt)"));
            return;
        }

        nuint offset = 0;
        var number = 0;
        do
        {
            var pix = LeptonicaNative.pixReadMemFromMultipageTiff(data, (nuint)data.Length, ref offset);
            if (pix == IntPtr.Zero)
            {
                break;
            }

            var picture = new Picture(pix, "decode the TIFF page");
            number++;
            if ((long)picture.Width * picture.Height > MaxPixels)
            {
                picture.Dispose();
                throw new ImageRejectedException($"Page {number} of the TIFF is too large; at most {MaxPixels / 1_000_000} million pixels are accepted.", Pipeline.PageProblems.TooLarge);
            }

            if (!take(picture))
            {
                return;
            }
        }
        while (offset != 0 && number < 10_000);

        if (number == 0)
        {
            throw new ImageRejectedException("The TIFF holds no page that can be decoded (truncated or corrupt).");
        }
    }

    /// <summary>Refuses what is not a readable image or claims too many pixels (from the header, before decoding); answers its format.</summary>
    private static int Check(byte[] data)
    {
        NativeLibraries.EnsureLoaded();
        if (data.Length < 8)
        {
            throw new ImageRejectedException("The file is empty or too short to be an image.", data.Length == 0 ? Pipeline.PageProblems.Empty : Pipeline.PageProblems.NotAScan);
        }

        if (LeptonicaNative.findFileFormatBuffer(data, out var format) != 0 || !Readable.Contains(format))
        {
            throw new ImageRejectedException(format == FormatPdf
                ? "The file is a PDF: its pages are rasterised first (PdfPages), not read as an image."
                : "The file is not an image this reader knows (PNG, JPEG, TIFF, BMP, PNM).", Pipeline.PageProblems.NotAScan);
        }

        if (LeptonicaNative.pixReadHeaderMem(data, (nuint)data.Length, out _, out var w, out var h, out _, out _, out _) != 0)
        {
            throw new ImageRejectedException("The image's header cannot be read: the file is truncated or corrupt.");
        }

        if (w <= 0 || h <= 0 || (long)w * h > MaxPixels)
        {
            throw new ImageRejectedException($"The image is {w} × {h} pixels; at most {MaxPixels / 1_000_000} million pixels are accepted (scan at 300 DPI or less).", Pipeline.PageProblems.TooLarge);
        }

        return format;
    }

    private static List<Picture> Decode(byte[] data, int? page)
    {
        var format = Check(data);
        if (!IsTiff(format))
        {
            return [new Picture(LeptonicaNative.pixReadMem(data, (nuint)data.Length), "decode the image (truncated or corrupt)")];
        }

        var pages = new List<Picture>();
        nuint offset = 0;
        try
        {
            do
            {
                var pix = LeptonicaNative.pixReadMemFromMultipageTiff(data, (nuint)data.Length, ref offset);
                if (pix == IntPtr.Zero)
                {
                    break;
                }

                var picture = new Picture(pix, "decode the TIFF page");
                pages.Add(picture);
                if ((long)picture.Width * picture.Height > MaxPixels)
                {
                    throw new ImageRejectedException($"Page {pages.Count} of the TIFF is {picture.Width} × {picture.Height} pixels; at most {MaxPixels / 1_000_000} million are accepted.", Pipeline.PageProblems.TooLarge);
                }
            }
            while (offset != 0 && page is null && pages.Count < 10_000);
        }
        catch
        {
            pages.ForEach(p => p.Dispose());
            throw;
        }

        return pages.Count > 0 ? pages : throw new ImageRejectedException("The TIFF holds no page that can be decoded (truncated or corrupt).");
    }

    /// <summary>Leptonica's IFF_LPDF.</summary>
    private const int FormatPdf = 16;

    /// <summary>Leptonica's file formats read here: BMP, JPEG, PNG, the TIFF flavours (IFF_TIFF … IFF_TIFF_ZIP, IFF_TIFF_JPEG), PNM.</summary>
    private static readonly int[] Readable = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 17];

    private static bool IsTiff(int format) => format is >= 4 and <= 10 or 17;

    /// <summary>A blank white picture (8-bit grey), e.g. to draw a test page on.</summary>
    public static Picture BlankGrey(int width, int height)
    {
        NativeLibraries.EnsureLoaded();
        var picture = new Picture(LeptonicaNative.pixCreate(width, height, 8), "create a picture");
        _ = LeptonicaNative.pixSetAll(picture.Handle);
        return picture;
    }

    /// <summary>Another reference to the same pixels (Leptonica counts references); dispose both.</summary>
    public Picture Share() => new(LeptonicaNative.pixClone(Handle), "share the picture");

    /// <summary>The picture as PNG bytes (crops go beside results this way).</summary>
    public byte[] ToPng()
    {
        if (LeptonicaNative.pixWriteMem(out var data, out var size, Handle, LeptonicaNative.FormatPng) != 0 || data == IntPtr.Zero)
        {
            throw new ImageRejectedException("The picture could not be written as PNG.");
        }

        try
        {
            var bytes = new byte[(int)size];
            System.Runtime.InteropServices.Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            LeptonicaNative.lept_free(data);
        }
    }

    public void Dispose() => _pix.Dispose();
}
