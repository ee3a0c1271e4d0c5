using SkiaSharp;

namespace Platform.Ocr.Corpus;

/// <summary>What the simulated scanner did to one page (kept in its ground truth).</summary>
public sealed record ScanDistortion(double RotationDegrees, double Scale, double ShiftX, double ShiftY, double Blur, double Noise, int JpegQuality);

/// <summary>
/// Turns a clean page into what a scanner returns: rotated up to ±3°, scaled ±3 %, shifted, a little
/// blurred, grey with noise, saved as JPEG (artefacts included).
/// </summary>
public static class ScanSimulator
{
    public static ScanDistortion Draw(Random random) => new(
        RotationDegrees: (random.NextDouble() * 6) - 3,
        Scale: 0.97 + (random.NextDouble() * 0.06),
        ShiftX: (random.NextDouble() * 40) - 20,
        ShiftY: (random.NextDouble() * 40) - 20,
        Blur: random.NextDouble() * 0.9,
        Noise: 4 + (random.NextDouble() * 8),
        JpegQuality: 60 + random.Next(31));

    /// <summary>The scanner sees a little more than the sheet (3 % each side), so a crooked sheet keeps its corners.</summary>
    public const double Overscan = 0.03;

    /// <summary>The scanned page as JPEG bytes (grey; the sheet plus the scanner's margin).</summary>
    public static byte[] Scan(SKBitmap page, ScanDistortion distortion, Random random)
    {
        var width = (int)Math.Round(page.Width * (1 + (2 * Overscan)));
        var height = (int)Math.Round(page.Height * (1 + (2 * Overscan)));
        using var grey = new SKBitmap(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(grey))
        {
            canvas.Clear(new SKColor(236, 236, 236)); // the scanner's lid around the sheet
            canvas.Translate((float)(width / 2.0 + distortion.ShiftX), (float)(height / 2.0 + distortion.ShiftY));
            canvas.RotateDegrees((float)distortion.RotationDegrees);
            canvas.Scale((float)distortion.Scale);
            canvas.Translate(-page.Width / 2f, -page.Height / 2f);
            using var paint = new SKPaint { IsAntialias = true };
            if (distortion.Blur > 0.05)
            {
                paint.ImageFilter = SKImageFilter.CreateBlur((float)distortion.Blur, (float)distortion.Blur);
            }

            using var image = SKImage.FromBitmap(page);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), paint);
        }

        AddNoise(grey, distortion.Noise, random);
        using var scanned = SKImage.FromBitmap(grey);
        using var data = scanned.Encode(SKEncodedImageFormat.Jpeg, distortion.JpegQuality);
        return data.ToArray();
    }

    /// <summary>Gaussian sensor noise on every pixel.</summary>
    private static void AddNoise(SKBitmap grey, double sigma, Random random)
    {
        var pixels = grey.Bytes;
        for (var i = 0; i < pixels.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            pixels[i] = (byte)Math.Clamp(pixels[i] + (gaussian * sigma), 0, 255);
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, grey.GetPixels(), pixels.Length);
    }
}
