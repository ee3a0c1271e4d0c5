namespace Platform.Ocr.Digits;

/// <summary>What the classifier makes of one digit's ink: the digit (null when it is no digit at all) and how sure, calibrated (0–1).</summary>
public readonly record struct DigitGuess(int? Digit, double Confidence);
