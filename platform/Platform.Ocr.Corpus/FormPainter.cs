using Platform.Ocr.Templates;
using SkiaSharp;

namespace Platform.Ocr.Corpus;

/// <summary>Draws a template's blank form: registration marks, printed texts and the boxes of its cells.</summary>
public static class FormPainter
{
    public static SKBitmap PaintBlank(FormTemplate template, Fonts fonts)
    {
        var page = new SKBitmap(template.Page.Width, template.Page.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(page);
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true, Style = SKPaintStyle.Fill };
        foreach (var anchor in template.Anchors)
        {
            canvas.DrawRect(anchor.X, anchor.Y, anchor.Size, anchor.Size, ink);
        }

        foreach (var text in template.Printed)
        {
            using var font = new SKFont(text.Bold ? fonts.Bold : fonts.Regular, text.Size);
            // The template gives the top of the text; Skia draws on the baseline.
            canvas.DrawText(text.Text, text.X, text.Y + text.Size * 0.88f, SKTextAlign.Left, font, ink);
        }

        using var line = new SKPaint { Color = new SKColor(40, 40, 40), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        foreach (var cell in template.PlacedCells())
        {
            var r = cell.Rect;
            canvas.DrawRect(r.X, r.Y, r.Width, r.Height, line);
        }

        return page;
    }

    /// <summary>The blank form as a PNG a person can print (at the template's DPI, so it prints at its paper size).</summary>
    public static byte[] BlankPng(FormTemplate template, Fonts fonts)
    {
        using var page = PaintBlank(template, fonts);
        using var image = SKImage.FromBitmap(page);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
