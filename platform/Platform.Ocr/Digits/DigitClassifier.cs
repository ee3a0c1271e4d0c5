using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Platform.Ocr.Digits;

/// <summary>
/// The handwritten-digit classifier: a small convolutional network trained by <c>tools/digits/train.py</c>
/// (PyTorch) and run here with ONNX Runtime, one thread per reader (pages already run in parallel), a
/// cell's or a page's digits in one batch. Loaded once per process; <see cref="Load"/> says plainly
/// which file is missing or broken.
/// </summary>
public sealed class DigitClassifier : IDisposable
{
    public const string ModelFile = "digits.onnx";
    public const string CalibrationFile = "digits.json";

    /// <summary>How likely "not a digit" must be for a cut to be refused as no digit.</summary>
    public const double RefuseAbove = 0.5;

    private readonly InferenceSession _session;

    private DigitClassifier(InferenceSession session, DigitCalibration calibration, string folder)
    {
        _session = session;
        Calibration = calibration;
        Folder = folder;
    }

    public DigitCalibration Calibration { get; }

    public string Folder { get; }

    /// <summary>The model shipped with the engine (Digits/Model beside the assembly).</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Digits", "Model");

    public static DigitClassifier Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        var model = Path.Combine(folder, ModelFile);
        var calibrationPath = Path.Combine(folder, CalibrationFile);
        foreach (var file in new[] { model, calibrationPath })
        {
            if (!File.Exists(file))
            {
                throw new DigitModelException($"The digit model file {file} is missing: handwritten digits cannot be read without it (it is built with the engine; tools/digits/train.py makes it).");
            }
        }

        var calibration = DigitCalibration.Read(calibrationPath);
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        try
        {
            var session = new InferenceSession(model, options);
            var input = session.InputMetadata.SingleOrDefault();
            var output = session.OutputMetadata.SingleOrDefault();
            if (input.Key != "image" || output.Key != "logits" || input.Value.Dimensions is not [_, 1, DigitImage.Side, DigitImage.Side])
            {
                session.Dispose();
                throw new DigitModelException($"The digit model {model} is not the handwritten-digit classifier: it should take 'image' (n × 1 × 28 × 28) and give 'logits'.");
            }

            return new DigitClassifier(session, calibration, folder);
        }
        catch (OnnxRuntimeException e)
        {
            throw new DigitModelException($"The digit model {model} cannot be loaded ({e.Message.Split('\n')[0]}): the file is damaged or not an ONNX model.", e);
        }
    }

    /// <summary>Classifies each 28 × 28 image (see <see cref="DigitImage"/>) in one batch.</summary>
    public IReadOnlyList<DigitGuess> Classify(IReadOnlyList<float[]> images)
    {
        if (images.Count == 0)
        {
            return [];
        }

        const int pixels = DigitImage.Side * DigitImage.Side;
        var tensor = new DenseTensor<float>([images.Count, 1, DigitImage.Side, DigitImage.Side]);
        var buffer = tensor.Buffer.Span;
        for (var i = 0; i < images.Count; i++)
        {
            images[i].AsSpan().CopyTo(buffer.Slice(i * pixels, pixels));
        }

        using var results = _session.Run([NamedOnnxValue.CreateFromTensor("image", tensor)]);
        var logits = results[0].AsTensor<float>();
        var classes = logits.Dimensions[1];
        var guesses = new DigitGuess[images.Count];
        var probabilities = new double[classes];
        for (var i = 0; i < images.Count; i++)
        {
            var most = double.MinValue;
            for (var c = 0; c < classes; c++)
            {
                most = Math.Max(most, logits[i, c] / Calibration.Temperature);
            }

            double sum = 0;
            for (var c = 0; c < classes; c++)
            {
                probabilities[c] = Math.Exp((logits[i, c] / Calibration.Temperature) - most);
                sum += probabilities[c];
            }

            var digit = -1;
            for (var c = 0; c < classes; c++)
            {
                digit = c != Calibration.NotADigit && (digit < 0 || probabilities[c] > probabilities[digit]) ? c : digit;
            }

            // Refused as no digit only when that is more likely than not; a weaker doubt gives the likeliest digit with
            // its (low) confidence, so the cell goes to review with a value to confirm rather than empty.
            var notADigit = Calibration.NotADigit < classes ? probabilities[Calibration.NotADigit] / sum : 0;
            var digits = new double[10];
            for (var c = 0; c < Math.Min(10, classes); c++)
            {
                digits[c] = c == Calibration.NotADigit ? 0 : probabilities[c] / sum;
            }

            guesses[i] = (notADigit >= RefuseAbove ? new DigitGuess(null, notADigit) : new DigitGuess(digit, probabilities[digit] / sum)) with { Probabilities = digits };
        }

        return guesses;
    }

    public void Dispose() => _session.Dispose();
}
