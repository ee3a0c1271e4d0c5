using System.Text.Json;
using Platform.Ocr.Templates;
using SkiaSharp;

namespace Platform.Ocr.Corpus;

/// <summary>The ground truth beside each synthetic scan: the values drawn on it and the distortion applied.</summary>
public sealed record PageTruth(string Image, string Template, Dictionary<string, string> Values, ScanDistortion Scan, bool HandwrittenDigits);

/// <summary>
/// Writes a labelled corpus: <c>page-0001.jpg</c> with <c>page-0001.json</c> (its <see cref="PageTruth"/>)
/// for each page, and the blank form as <c>blank.png</c>. The same seed gives the same corpus.
/// </summary>
public static class CorpusWriter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<PageTruth> Write(FormTemplate template, int count, string folder, int seed = 1, IHandwriting? handwriting = null, Action<int>? progress = null)
    {
        Directory.CreateDirectory(folder);
        using var fonts = Fonts.Load();
        File.WriteAllBytes(Path.Combine(folder, "blank.png"), FormPainter.BlankPng(template, fonts));
        var filler = new FormFiller(fonts, handwriting);
        var pages = new PageTruth[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            // One random stream per page: the corpus does not depend on which thread drew which page.
            var random = new Random(unchecked((seed * 100_003) + i)); // not HashCode.Combine: it differs from process to process
            var values = SampleValues.Draw(template, random);
            using var page = FormPainter.PaintBlank(template, fonts);
            using (var canvas = new SKCanvas(page))
            {
                filler.Fill(canvas, template, values, random);
            }

            var distortion = ScanSimulator.Draw(random);
            var name = $"page-{i + 1:D4}";
            File.WriteAllBytes(Path.Combine(folder, name + ".jpg"), ScanSimulator.Scan(page, distortion, random));
            var truth = new PageTruth(name + ".jpg", template.Name, values, distortion, handwriting is not null);
            File.WriteAllText(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(truth, Json));
            pages[i] = truth;
            progress?.Invoke(i);
        });

        return pages;
    }

    public static PageTruth ReadTruth(string file) => JsonSerializer.Deserialize<PageTruth>(File.ReadAllText(file), Json)!;
}
