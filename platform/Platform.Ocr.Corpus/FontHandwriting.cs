using SkiaSharp;

namespace Platform.Ocr.Corpus;

/// <summary>
/// Digits written in handwriting fonts (Debian's fonts-humor-sans, fonts-klee, fonts-breip, …), each drawn at a
/// slightly different size, slant, weight and place — a second kind of handwriting beside MNIST, for measuring
/// the digit reader on writing it was not trained on (tools/digits/train.py keeps these families out).
/// </summary>
public sealed class FontHandwriting : IHandwriting, IDisposable
{
    /// <summary>The families the digit classifier never trains on.</summary>
    public static readonly IReadOnlyList<string> HeldOutFonts =
    [
        "/usr/share/fonts/truetype/humor-sans/Humor-Sans.ttf",
        "/usr/share/fonts/truetype/klee/KleeOne-Regular.ttf",
        "/usr/share/fonts/truetype/klee/KleeOne-SemiBold.ttf",
        "/usr/share/fonts/truetype/breip/Breip.ttf",
    ];

    private readonly List<SKTypeface> _faces;

    private FontHandwriting(List<SKTypeface> faces) => _faces = faces;

    /// <summary>The given font files that exist here; throws naming the Debian packages when none does.</summary>
    public static FontHandwriting Load(IEnumerable<string>? files = null)
    {
        var faces = (files ?? HeldOutFonts).Where(File.Exists).Select(path => SKTypeface.FromFile(path)).Where(f => f is not null).ToList();
        return faces.Count > 0
            ? new FontHandwriting(faces)
            : throw new FileNotFoundException("No handwriting font is installed: apt-get install fonts-humor-sans fonts-klee fonts-breip.");
    }

    public IReadOnlyList<string> Families => [.. _faces.Select(f => f.FamilyName).Distinct()];

    public byte[] Pick(int digit, Random random)
    {
        const int side = MnistDigits.Side * 4; // drawn large, then reduced to 28 × 28 like an MNIST digit
        using var bitmap = new SKBitmap(side, side, SKColorType.Gray8, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Black);
            using var font = new SKFont(_faces[random.Next(_faces.Count)], side * (0.62f + (0.12f * random.NextSingle())))
            {
                SkewX = (random.NextSingle() - 0.5f) * 0.4f, Embolden = random.Next(3) == 0,
            };
            using var ink = new SKPaint { Color = SKColors.White, IsAntialias = true };
            var text = ((char)('0' + digit)).ToString();
            var width = font.MeasureText(text);
            canvas.RotateDegrees((random.NextSingle() - 0.5f) * 14, side / 2f, side / 2f);
            canvas.DrawText(text, ((side - width) / 2f) + ((random.NextSingle() - 0.5f) * side * 0.08f), side * 0.74f, SKTextAlign.Left, font, ink);
        }

        using var small = bitmap.Resize(new SKImageInfo(MnistDigits.Side, MnistDigits.Side, SKColorType.Gray8, SKAlphaType.Opaque), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return small.GetPixelSpan().ToArray();
    }

    public void Dispose() => _faces.ForEach(f => f.Dispose());
}
