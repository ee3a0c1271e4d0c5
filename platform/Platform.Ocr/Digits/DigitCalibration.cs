using System.Text.Json;

namespace Platform.Ocr.Digits;

/// <summary>
/// What training measured on its validation digits (never the held-out ones): the softmax temperature that
/// makes confidences honest, and how many digits were right and wrong at each confidence — from which the
/// confidence a cell's digits need to be accepted without review is chosen.
/// </summary>
public sealed record DigitCalibration(double Temperature, int NotADigit, IReadOnlyList<(double From, int Right, int Wrong)> Curve)
{
    /// <summary>
    /// The least confidence every digit of a cell must have for cells of up to <paramref name="digits"/> digits to be right
    /// at least <paramref name="accuracy"/> of the time: the validation digits at or above it are wrong at most
    /// (1 − accuracy) / digits of the time. 1 (review everything) when no confidence is that safe.
    /// </summary>
    public double ThresholdFor(double accuracy, int digits)
    {
        var allowed = (1 - accuracy) / Math.Max(1, digits);
        int right = 0, wrong = 0;
        var threshold = 1.0;
        foreach (var (from, r, w) in Curve.OrderByDescending(c => c.From))
        {
            right += r;
            wrong += w;
            if ((double)wrong / (right + wrong) <= allowed)
            {
                threshold = from;
            }
            else
            {
                break;
            }
        }

        return threshold;
    }

    /// <summary>Reads <c>digits.json</c> as the training program writes it.</summary>
    public static DigitCalibration Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var temperature = root.GetProperty("temperature").GetDouble();
            if (temperature is <= 0 or > 100 || root.GetProperty("classes").GetString() != "0123456789")
            {
                throw new DigitModelException($"The digit model's calibration {path} is not one this reader understands (temperature {temperature}, classes must be 0123456789).");
            }

            var curve = root.GetProperty("curve").EnumerateArray()
                .Select(c => (c[0].GetDouble(), c[1].GetInt32(), c[2].GetInt32())).ToList();
            return new DigitCalibration(temperature, root.GetProperty("notADigit").GetInt32(), curve);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new DigitModelException($"The digit model's calibration {path} cannot be read: {e.Message}", e);
        }
    }
}
