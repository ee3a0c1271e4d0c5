using System.Globalization;

namespace Platform.OcrCapture.Proofreading;

/// <summary>
/// How sure the reader was, as a person reads it: never "100 %" for a cell that is not certain. Percents are cut, not
/// rounded; at the top, where a cell is accepted or sent to review by tenths of a percent, with one decimal (99.8 %), and
/// above 99.95 % as "&gt;99.9 %".
/// </summary>
public static class ConfidenceText
{
    public static string Format(double confidence, CultureInfo culture) => confidence switch
    {
        >= 1 => 1.0.ToString("P0", culture),
        >= 0.9995 => ">" + 0.999.ToString("P1", culture),
        >= 0.99 => (Math.Floor(confidence * 1000) / 1000).ToString("P1", culture),
        _ => (Math.Floor(Math.Max(0, confidence) * 100) / 100).ToString("P0", culture),
    };
}
