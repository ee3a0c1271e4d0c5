namespace Platform.Ocr.Digits;

/// <summary>
/// What the classifier makes of one digit's ink: the digit (null when it is no digit at all) and how sure, calibrated (0–1);
/// and how likely each digit 0–9 is (the rest to 1 is "no digit"), from which a cell's next-best readings are drawn.
/// </summary>
public readonly record struct DigitGuess(int? Digit, double Confidence)
{
    public IReadOnlyList<double>? Probabilities { get; init; }

    /// <summary>The <paramref name="count"/> likeliest digits, likeliest first (only the guessed one when the probabilities are unknown).</summary>
    public IEnumerable<(int Digit, double Probability)> Likeliest(int count) =>
        Probabilities is { } all
            ? all.Select((p, d) => (d, p)).OrderByDescending(p => p.p).Take(count)
            : Digit is { } digit ? [(digit, Confidence)] : [];
}
