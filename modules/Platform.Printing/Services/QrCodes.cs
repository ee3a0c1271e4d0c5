using System.Globalization;
using QRCoder;

namespace Platform.Printing.Services;

/// <summary>QR codes drawn as SVG paths (no picture files, no network): sharp at any print size.</summary>
public static class QrCodes
{
    /// <summary>An SVG of <paramref name="text"/>'s QR code, <paramref name="millimetres"/> on each side, error correction M.</summary>
    public static string Svg(string text, decimal millimetres)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var path = new System.Text.StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (modules[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var side = millimetres.ToString("0.##", CultureInfo.InvariantCulture);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"{side}mm\" height=\"{side}mm\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }
}
