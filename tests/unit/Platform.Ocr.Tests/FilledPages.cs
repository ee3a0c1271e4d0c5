using Platform.Ocr.Corpus;
using Platform.Ocr.Templates;
using SkiaSharp;

namespace Platform.Ocr.Tests;

/// <summary>Filled pages as a flatbed gives them when the paper lies square on it: the form's own size, no scan noise.</summary>
internal static class FilledPages
{
    /// <summary>Draws the page's values from <paramref name="seed"/>, fills the blank, lets <paramref name="draw"/> add to it, and saves it as a PNG.</summary>
    public static (Dictionary<string, string> Values, string File) Write(FormTemplate form, int seed, string folder, Action<SKCanvas>? draw = null)
    {
        var random = new Random(seed);
        var values = SampleValues.Draw(form, random);
        using var fonts = Fonts.Load();
        using var page = FormPainter.PaintBlank(form, fonts);
        using (var canvas = new SKCanvas(page))
        {
            new FormFiller(fonts, null).Fill(canvas, form, values, random);
            draw?.Invoke(canvas);
        }

        var file = Path.Combine(folder, $"filled-{seed}.png");
        File.WriteAllBytes(file, TestImages.Png(page));
        return (values, file);
    }
}
