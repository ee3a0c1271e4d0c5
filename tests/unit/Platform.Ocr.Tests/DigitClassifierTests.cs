using Platform.Ocr.Corpus;
using Platform.Ocr.Digits;
using SkiaSharp;

namespace Platform.Ocr.Tests;

/// <summary>
/// The digit classifier shipped with the engine: it loads, reads held-out handwriting as well as its
/// calibration says, does not pass off scribbles and letters as numbers, and refuses broken model files by name.
/// </summary>
public sealed class DigitClassifierTests : IClassFixture<DigitClassifierTests.Shipped>
{
    private readonly DigitClassifier _classifier;

    public DigitClassifierTests(Shipped shipped) => _classifier = shipped.Classifier;

    [SkippableFact]
    public void Held_out_handwritten_digits_are_read_right_at_least_98_percent_of_the_time()
    {
        var digits = HandwrittenDigits.Require();
        var images = new List<float[]>();
        var truth = new List<int>();
        for (var d = 0; d < 10; d++)
        {
            for (var i = 0; i < digits.Count(d); i++)
            {
                var (mask, width, height) = HandwrittenDigits.Ink(digits.Sample(d, i));
                images.Add(DigitImage.Normalize(mask, width, height));
                truth.Add(d);
            }
        }

        var guesses = _classifier.Classify(images);

        var right = guesses.Zip(truth).Count(p => p.First.Digit == p.Second);
        Assert.True(truth.Count > 1900, $"only {truth.Count} held-out digits");
        Assert.True(right >= truth.Count * 0.98, $"{right} of {truth.Count} held-out digits right ({(double)right / truth.Count:P2})");
    }

    [SkippableFact]
    public void Confident_readings_of_held_out_digits_are_right()
    {
        var digits = HandwrittenDigits.Require();
        var threshold = _classifier.Calibration.ThresholdFor(0.999, 1);
        var images = Enumerable.Range(0, 10).SelectMany(d => Enumerable.Range(0, digits.Count(d)).Select(i => (d, Image: Normalized(digits.Sample(d, i))))).ToList();

        var accepted = _classifier.Classify([.. images.Select(i => i.Image)]).Zip(images).Where(p => p.First.Digit is not null && p.First.Confidence >= threshold).ToList();

        Assert.True(accepted.Count >= images.Count * 0.9, $"only {accepted.Count} of {images.Count} accepted at {threshold}");
        var wrong = accepted.Count(p => p.First.Digit != p.Second.d);
        Assert.True(wrong <= Math.Max(1, accepted.Count * 0.002), $"{wrong} of {accepted.Count} accepted readings are wrong");
    }

    [SkippableFact]
    public void A_misread_held_out_digit_mostly_has_the_right_digit_among_its_next_two_readings()
    {
        // What a written total chooses among (SumCheck): worthless if the right digit were seldom there.
        var digits = HandwrittenDigits.Require();
        var images = Enumerable.Range(0, 10).SelectMany(d => Enumerable.Range(0, digits.Count(d)).Select(i => (d, Image: Normalized(digits.Sample(d, i))))).ToList();

        var misread = _classifier.Classify([.. images.Select(i => i.Image)]).Zip(images).Where(p => p.First.Digit != p.Second.d).ToList();

        var nextBest = misread.Count(p => p.First.Likeliest(3).Any(l => l.Digit == p.Second.d));
        Assert.True(misread.Count > 0, "no held-out digit misread: the test proves nothing");
        Assert.True(nextBest >= misread.Count * 0.8, $"the right digit is among the next two readings of only {nextBest} of {misread.Count} misread digits");
    }

    [Fact]
    public void A_written_number_lists_its_likeliest_readings_its_value_first()
    {
        var (mask, width, height) = Drawn("47");

        var reading = NumberReading.Read(DigitSegmenter.Cut(mask, width, height), _classifier);

        Assert.Equal("47", reading.Value);
        Assert.Equal(reading.Value, reading.Candidates[0].Value);
        Assert.InRange(reading.Candidates.Count, 2, NumberReading.MostCandidates);
        Assert.Equal(reading.Candidates.Select(c => c.Probability).OrderDescending(), reading.Candidates.Select(c => c.Probability));
        Assert.InRange(reading.Candidates.Sum(c => c.Probability), 0.5, 1.000001);
        Assert.All(reading.Candidates, c => Assert.Equal(2, c.Value.Length));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("K")]
    [InlineData("#")]
    [InlineData("x")]
    public void A_letter_in_a_quantity_cell_is_not_read_as_a_confident_number(string letter)
    {
        var (mask, width, height) = Drawn(letter);

        var reading = NumberReading.Read(DigitSegmenter.Cut(mask, width, height), _classifier);

        Assert.True(reading.Value is null || reading.LeastDigit < _classifier.Calibration.ThresholdFor(0.999, 3), $"'{letter}' read as {reading.Value} ({reading.LeastDigit:0.000})");
    }

    [Fact]
    public void A_scribble_is_not_read_as_a_confident_number()
    {
        const int width = 120, height = 60;
        var random = new Random(5);
        var mask = new bool[width * height];
        var (x, y) = (30.0, 30.0);
        for (var step = 0; step < 400; step++)
        {
            x = Math.Clamp(x + ((random.NextDouble() - 0.5) * 8), 10, 100);
            y = Math.Clamp(y + ((random.NextDouble() - 0.5) * 8), 8, 52);
            for (var dy = -2; dy <= 2; dy++)
            {
                for (var dx = -2; dx <= 2; dx++)
                {
                    mask[(((int)y + dy) * width) + (int)x + dx] = true;
                }
            }
        }

        var reading = NumberReading.Read(DigitSegmenter.Cut(mask, width, height), _classifier);

        Assert.True(reading.Value is null || reading.LeastDigit < _classifier.Calibration.ThresholdFor(0.999, 3), $"a scribble read as {reading.Value} ({reading.LeastDigit:0.000})");
    }

    [Fact]
    public void A_missing_or_damaged_model_file_is_refused_with_its_name()
    {
        var folder = Directory.CreateTempSubdirectory("digit-model-").FullName;
        try
        {
            var missing = Assert.Throws<DigitModelException>(() => DigitClassifier.Load(folder));
            Assert.Contains(Path.Combine(folder, DigitClassifier.ModelFile), missing.Message, StringComparison.Ordinal);

            File.WriteAllBytes(Path.Combine(folder, DigitClassifier.ModelFile), [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))]);
            File.Copy(Path.Combine(DigitClassifier.DefaultFolder, DigitClassifier.CalibrationFile), Path.Combine(folder, DigitClassifier.CalibrationFile));
            var damaged = Assert.Throws<DigitModelException>(() => DigitClassifier.Load(folder));
            Assert.Contains(Path.Combine(folder, DigitClassifier.ModelFile), damaged.Message, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(folder, DigitClassifier.CalibrationFile), "{ \"temperature\": ");
            var calibration = Assert.Throws<DigitModelException>(() => DigitClassifier.Load(folder));
            Assert.Contains(DigitClassifier.CalibrationFile, calibration.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static float[] Normalized(byte[] sample)
    {
        var (mask, width, height) = HandwrittenDigits.Ink(sample);
        return DigitImage.Normalize(mask, width, height);
    }

    /// <summary>A character drawn as a pen would, about 40 pixels high in a 120 × 60 cell, as ink.</summary>
    private static (bool[] Mask, int Width, int Height) Drawn(string text)
    {
        const int width = 120, height = 60;
        using var face = SKTypeface.FromFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        using var font = new SKFont(face, 44);
        using var bitmap = new SKBitmap(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(text, 40, 46, SKTextAlign.Left, font, ink);
        }

        var pixels = bitmap.GetPixelSpan().ToArray();
        return ([.. pixels.Select(p => p < 128)], width, height);
    }

    /// <summary>The model beside the engine, loaded once for the class.</summary>
    public sealed class Shipped : IDisposable
    {
        public DigitClassifier Classifier { get; } = DigitClassifier.Load();

        public void Dispose() => Classifier.Dispose();
    }
}
