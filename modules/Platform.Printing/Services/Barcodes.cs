using System.Globalization;
using System.Text;
using ZXing.OneD;

namespace Platform.Printing.Services;

/// <summary>
/// Barcodes (Code 128, what handheld scanners in warehouses and shops read) drawn as SVG bars: sharp at any print size, no picture
/// files. Code 128 holds printable ASCII; a document number with other characters gets no barcode rather than a wrong one.
/// </summary>
public static class Barcodes
{
    /// <summary>The bars of <paramref name="text"/>, true for black, quiet zones included; null when Code 128 cannot hold the text.</summary>
    public static bool[]? Bars(string text)
    {
        if (text.Length == 0 || text.Length > 80 || text.Any(c => c < ' ' || c > '~'))
        {
            return null;
        }

        return new Code128Writer().encode(text);
    }

    /// <summary>An SVG of <paramref name="text"/>'s barcode, <paramref name="heightMillimetres"/> high, each narrow bar 0.33 mm wide; empty when it cannot be drawn.</summary>
    public static string Svg(string text, decimal heightMillimetres)
    {
        if (Bars(text) is not { } bars)
        {
            return "";
        }

        const decimal narrow = 0.33m;
        var path = new StringBuilder();
        for (var x = 0; x < bars.Length;)
        {
            if (!bars[x])
            {
                x++;
                continue;
            }

            var start = x;
            while (x < bars.Length && bars[x])
            {
                x++;
            }

            path.Append(CultureInfo.InvariantCulture, $"M{start} 0h{x - start}v1h-{x - start}z");
        }

        var (width, height) = ((bars.Length * narrow).ToString("0.##", CultureInfo.InvariantCulture), heightMillimetres.ToString("0.##", CultureInfo.InvariantCulture));
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"barcode\" width=\"{width}mm\" height=\"{height}mm\" viewBox=\"0 0 {bars.Length} 1\" preserveAspectRatio=\"none\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{bars.Length}\" height=\"1\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }
}
