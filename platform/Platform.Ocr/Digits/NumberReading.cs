namespace Platform.Ocr.Digits;

/// <summary>
/// A handwritten number as read: its digits (null when the cell is empty or something in it is not a digit),
/// how sure the reader is of the whole (the product of its digits' confidences) and of its least sure digit,
/// and what the proof-reader should know: <c>not_a_digit</c> (a letter, a scribble, a crossed-out digit),
/// <c>stray_mark</c> (only a dot or dash in the cell).
/// </summary>
public sealed record NumberReading(string? Value, double Confidence, double LeastDigit, IReadOnlyList<string> Flags)
{
    public static readonly NumberReading Empty = new(null, 1, 1, []);

    /// <summary>
    /// Reads the segmented cell: every way of cutting every slot is classified in one batch, and each slot takes
    /// the cut whose digits are surest together (a touching pair reads as two digits only when both read well).
    /// </summary>
    public static NumberReading Read(Segmentation segmentation, DigitClassifier classifier)
    {
        if (segmentation.Slots.Count == 0)
        {
            return segmentation.StrayMarks == 0 ? Empty : new NumberReading(null, 0.5, 0.5, ["stray_mark"]);
        }

        var inks = segmentation.Slots.SelectMany(s => s.Readings.SelectMany(r => r)).ToList();
        var guesses = classifier.Classify([.. inks.Select(i => i.Normalized())]);
        var next = 0;
        var digits = new List<DigitGuess>();
        foreach (var slot in segmentation.Slots)
        {
            IReadOnlyList<DigitGuess>? best = null;
            var bestScore = -1.0;
            foreach (var reading in slot.Readings)
            {
                var read = Enumerable.Range(next, reading.Count).Select(i => guesses[i]).ToList();
                next += reading.Count;
                var score = read.Aggregate(1.0, (product, g) => product * (g.Digit is null ? 1 - g.Confidence : g.Confidence));
                if (score > bestScore)
                {
                    (best, bestScore) = (read, score);
                }
            }

            digits.AddRange(best!);
        }

        if (digits.Any(d => d.Digit is null))
        {
            return new NumberReading(null, 0, 0, ["not_a_digit"]);
        }

        var confidence = digits.Aggregate(1.0, (product, d) => product * d.Confidence);
        return new NumberReading(string.Concat(digits.Select(d => (char)('0' + d.Digit!.Value))), confidence, digits.Min(d => d.Confidence), []);
    }
}
