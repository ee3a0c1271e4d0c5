using Platform.Ocr.Templates;
using SkiaSharp;

namespace Platform.Ocr.Corpus;

/// <summary>
/// Writes values into a blank form the way a person would, with variety: text in several fonts and
/// sizes, placed off-centre; digits as handwriting (MNIST, or handwriting fonts) when given (else in a font); check marks as
/// ticks, crosses or filled dots; ink black or dark blue.
/// </summary>
public sealed class FormFiller(Fonts fonts, IHandwriting? handwriting)
{
    private static readonly SKColor[] Inks = [new(20, 20, 20), new(25, 35, 110), new(10, 20, 70)];

    public void Fill(SKCanvas canvas, FormTemplate template, IReadOnlyDictionary<string, string> values, Random random)
    {
        foreach (var cell in template.PlacedCells())
        {
            if (!values.TryGetValue(cell.Path, out var value))
            {
                continue;
            }

            using var ink = new SKPaint { Color = Inks[random.Next(Inks.Length)], IsAntialias = true };
            var r = cell.Rect;
            switch (cell.Cell.Type)
            {
                case CellKind.Check:
                    Tick(canvas, r, ink, random);
                    break;
                case CellKind.Digits when handwriting is not null:
                    Handwrite(canvas, r, value, ink.Color, random);
                    break;
                default:
                    Write(canvas, r, value, cell.Cell.Language == "chi_sim" ? fonts.Chinese : fonts.Latin, ink, random);
                    break;
            }
        }
    }

    private static void Write(SKCanvas canvas, Imaging.PixelRect r, string text, IReadOnlyList<SKTypeface> faces, SKPaint ink, Random random)
    {
        using var font = new SKFont(faces[random.Next(faces.Count)], r.Height * (0.42f + (0.16f * random.NextSingle())));
        var width = font.MeasureText(text);
        if (width > r.Width - 16)
        {
            font.Size *= (r.Width - 16) / width;
            width = font.MeasureText(text);
        }

        var x = r.X + 8 + (random.NextSingle() * Math.Max(0, Math.Min(r.Width - 16 - width, r.Width * 0.3f)));
        var baseline = r.Y + (r.Height / 2f) + (font.Size * 0.36f) + ((random.NextSingle() - 0.5f) * r.Height * 0.12f);
        canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, ink);
    }

    private void Handwrite(SKCanvas canvas, Imaging.PixelRect r, string digits, SKColor ink, Random random)
    {
        var height = r.Height * (0.62f + (0.18f * random.NextSingle()));
        var step = height * 0.78f;
        var x = r.X + 10 + (random.NextSingle() * Math.Max(0, r.Width - 20 - (step * digits.Length)));
        var y = r.Y + ((r.Height - height) / 2f) + ((random.NextSingle() - 0.5f) * 6);
        foreach (var c in digits)
        {
            var sample = handwriting!.Pick(c - '0', random);
            using var glyph = new SKBitmap(MnistDigits.Side, MnistDigits.Side, SKColorType.Rgba8888, SKAlphaType.Unpremul);
            for (var i = 0; i < sample.Length; i++)
            {
                glyph.SetPixel(i % MnistDigits.Side, i / MnistDigits.Side, ink.WithAlpha(sample[i]));
            }

            using var image = SKImage.FromBitmap(glyph);
            canvas.DrawImage(image, SKRect.Create(x, y, height, height), new SKSamplingOptions(SKFilterMode.Linear));
            x += step;
        }
    }

    private static void Tick(SKCanvas canvas, Imaging.PixelRect r, SKPaint ink, Random random)
    {
        ink.Style = SKPaintStyle.Stroke;
        ink.StrokeWidth = 3 + (random.NextSingle() * 3);
        ink.StrokeCap = SKStrokeCap.Round;
        float X(double f) => r.X + (float)(r.Width * (f + ((random.NextDouble() - 0.5) * 0.1)));
        float Y(double f) => r.Y + (float)(r.Height * (f + ((random.NextDouble() - 0.5) * 0.1)));
        switch (random.Next(3))
        {
            case 0: // √
                var corner = new SKPoint(X(0.42), Y(0.78));
                canvas.DrawLine(new SKPoint(X(0.2), Y(0.5)), corner, ink);
                canvas.DrawLine(corner, new SKPoint(X(0.85), Y(0.15)), ink);
                break;
            case 1: // ×
                canvas.DrawLine(X(0.2), Y(0.2), X(0.8), Y(0.8), ink);
                canvas.DrawLine(X(0.8), Y(0.2), X(0.2), Y(0.8), ink);
                break;
            default: // ●
                ink.Style = SKPaintStyle.Fill;
                canvas.DrawCircle(X(0.5), Y(0.5), r.Width * 0.28f, ink);
                break;
        }
    }
}
