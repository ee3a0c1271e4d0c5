using System.Text.Json;
using Platform.Ocr.Digits;

namespace Platform.Ocr.Tests;

/// <summary>The classifier sees a digit in the product exactly as it saw digits in training (tools/digits/digit_image.py).</summary>
public sealed class DigitImageTests
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    [Fact]
    public void A_digit_is_normalised_as_the_training_program_normalises_it()
    {
        var cases = JsonSerializer.Deserialize<List<Case>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "digit-normalization.json")), Json)!;
        Assert.True(cases.Count >= 9);
        foreach (var c in cases)
        {
            var image = DigitImage.Normalize([.. c.Mask.Select(m => m == '1')], c.Width, c.Height);
            for (var i = 0; i < image.Length; i++)
            {
                Assert.True(Math.Abs(image[i] - c.Expected[i]) < 1e-4, $"{c.Width} × {c.Height}: pixel {i} is {image[i]}, training has {c.Expected[i]}");
            }
        }
    }

    [Fact]
    public void No_ink_gives_an_empty_square_and_a_digit_fills_twenty_pixels_centred()
    {
        Assert.All(DigitImage.Normalize(new bool[40 * 30], 30, 40), v => Assert.Equal(0f, v));

        var bar = new bool[50 * 10];
        Array.Fill(bar, true);
        var image = DigitImage.Normalize(bar, 10, 50);
        var rows = Enumerable.Range(0, DigitImage.Side).Where(y => Enumerable.Range(0, DigitImage.Side).Any(x => image[(y * DigitImage.Side) + x] > 0)).ToList();
        Assert.Equal(20, rows.Count);
        Assert.Equal(4, rows[0]);
    }

    private sealed record Case(int Width, int Height, string Mask, float[] Expected);
}
