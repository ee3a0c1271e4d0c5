namespace Platform.Ocr.Digits;

/// <summary>
/// A handwritten number as read: its digits (null when the cell is empty or something in it is not a digit),
/// how sure the reader is of the whole (the product of its digits' confidences) and of its least sure digit,
/// and what the proof-reader should know: <c>not_a_digit</c> (a letter, a scribble, a crossed-out digit),
/// <c>stray_mark</c> (only a dot or dash in the cell). <see cref="Candidates"/> are the likeliest readings, the
/// value first: a total the cell adds up to may choose another of them.
/// </summary>
public sealed record NumberReading(string? Value, double Confidence, double LeastDigit, IReadOnlyList<string> Flags)
{
    public static readonly NumberReading Empty = new(null, 1, 1, []);

    /// <summary>How many readings of a cell are kept as candidates.</summary>
    public const int MostCandidates = 8;

    /// <summary>How likely a cut of the ink other than the best-reading one is taken to be, before its digits are weighed.</summary>
    public const double OtherCut = 0.05;

    /// <summary>How many digits each digit's place offers: the likeliest and the next two.</summary>
    private const int DigitsPerPlace = 3;

    public IReadOnlyList<NumberCandidate> Candidates { get; init; } = [];

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
        var candidates = new List<NumberCandidate> { new("", 1) };
        foreach (var slot in segmentation.Slots)
        {
            var cuts = new List<(IReadOnlyList<DigitGuess> Read, double Score)>();
            foreach (var reading in slot.Readings)
            {
                var read = Enumerable.Range(next, reading.Count).Select(i => guesses[i]).ToList();
                next += reading.Count;
                cuts.Add((read, read.Aggregate(1.0, (product, g) => product * (g.Digit is null ? 1 - g.Confidence : g.Confidence))));
            }

            var best = cuts.MaxBy(c => c.Score);
            digits.AddRange(best.Read);
            candidates = Combine(candidates, SlotCandidates(cuts));
        }

        if (digits.Any(d => d.Digit is null))
        {
            return new NumberReading(null, 0, 0, ["not_a_digit"]);
        }

        var confidence = digits.Aggregate(1.0, (product, d) => product * d.Confidence);
        var value = string.Concat(digits.Select(d => (char)('0' + d.Digit!.Value)));
        // The value leads (it is the likeliest already, but is put first whatever the weighing of the cuts says).
        var first = candidates.Find(c => c.Value == value) ?? new NumberCandidate(value, confidence);
        candidates.Remove(first);
        candidates.Insert(0, first);
        return new NumberReading(value, confidence, digits.Min(d => d.Confidence), []) { Candidates = candidates.Take(MostCandidates).ToList() };
    }

    /// <summary>
    /// A slot's readings: its places' likeliest digits combined, for the chosen cut as the classifier weighs them; for the
    /// other cuts of the same ink, weighed down by <see cref="OtherCut"/> (the segmenter seldom errs where it chose).
    /// </summary>
    private static List<NumberCandidate> SlotCandidates(List<(IReadOnlyList<DigitGuess> Read, double Score)> cuts)
    {
        var chosen = cuts.MaxBy(c => c.Score);
        var found = new List<NumberCandidate>();
        foreach (var cut in cuts)
        {
            var combined = new List<NumberCandidate> { new("", ReferenceEquals(cut.Read, chosen.Read) ? 1 : OtherCut) };
            var read = cut.Read;
            foreach (var guess in read)
            {
                combined = Combine(combined, [.. guess.Likeliest(DigitsPerPlace).Select(d => new NumberCandidate(((char)('0' + d.Digit)).ToString(), d.Probability))]);
            }

            found.AddRange(combined);
        }

        return [.. found.GroupBy(c => c.Value).Select(g => new NumberCandidate(g.Key, g.Sum(c => c.Probability))).OrderByDescending(c => c.Probability).Take(MostCandidates)];
    }

    private static List<NumberCandidate> Combine(List<NumberCandidate> left, List<NumberCandidate> right) =>
        [.. left.SelectMany(l => right.Select(r => new NumberCandidate(l.Value + r.Value, l.Probability * r.Probability)))
            .OrderByDescending(c => c.Probability).Take(MostCandidates)];
}

/// <summary>One way of reading a handwritten number, and how likely it is.</summary>
public sealed record NumberCandidate(string Value, double Probability);
