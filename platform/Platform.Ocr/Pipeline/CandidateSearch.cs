using Platform.Ocr.Recognition;

namespace Platform.Ocr.Pipeline;

/// <summary>
/// When the best reading breaks the cell's rule (its pattern, its choices), the other candidates
/// Tesseract weighed for each character are tried, most likely combination first, and the first one
/// the rule accepts wins — <c>I7703-HS</c> instead of <c>17703-HS</c> where the pattern wants a letter
/// first. Look-alike characters Tesseract did not offer (0/O, 1/I, 5/S, 8/B, 2/Z) are tried last.
/// </summary>
public static class CandidateSearch
{
    private const int MaxCombinations = 50_000;

    private static readonly Dictionary<string, string[]> LookAlikes = new(StringComparer.Ordinal)
    {
        ["0"] = ["O", "D", "Q"], ["O"] = ["0"], ["D"] = ["0"], ["Q"] = ["0"],
        ["1"] = ["I", "L", "T"], ["I"] = ["1"], ["l"] = ["1", "I"], ["L"] = ["1"], ["T"] = ["7", "1"],
        ["5"] = ["S"], ["S"] = ["5"], ["8"] = ["B"], ["B"] = ["8"], ["2"] = ["Z"], ["Z"] = ["2"],
        ["6"] = ["G"], ["G"] = ["6"], ["7"] = ["T"], ["4"] = ["A"], ["A"] = ["4"],
        ["]"] = ["J", "1", "I"], [")"] = ["J"], ["|"] = ["I", "1"], ["("] = ["C"], ["$"] = ["S"], ["{"] = ["C"], ["}"] = ["J"],
    };

    /// <summary>The most likely reading <paramref name="accept"/> takes, or null when none does.</summary>
    public static string? Find(IReadOnlyList<RecognizedSymbol> symbols, Func<string, bool> accept, string? allowed = null)
    {
        if (symbols.Count == 0)
        {
            return null;
        }

        var options = symbols.Select((s, i) => Candidates(s, allowed, Neighbours(symbols, i))).ToList();
        if (options.Aggregate(1L, (n, o) => Math.Min(n * o.Count, long.MaxValue / 64)) > MaxCombinations)
        {
            return null;
        }

        // Every combination with its likelihood (sum of log-confidences), most likely first.
        var combinations = new List<(string Text, double Score)> { ("", 0) };
        foreach (var position in options)
        {
            combinations = [.. combinations.SelectMany(c => position.Select(p => (c.Text + p.Text, c.Score + Math.Log(Math.Max(p.Confidence, 0.01)))))];
        }

        foreach (var (text, _) in combinations.OrderByDescending(c => c.Score))
        {
            if (accept(text))
            {
                return text;
            }
        }

        return null;
    }

    private static IEnumerable<string> Neighbours(IReadOnlyList<RecognizedSymbol> symbols, int i) =>
        new[] { i > 0 ? symbols[i - 1].Text : null, i < symbols.Count - 1 ? symbols[i + 1].Text : null }.OfType<string>();

    /// <summary>
    /// The symbol as read, Tesseract's alternatives, look-alikes, and — when a neighbour is the same
    /// character or its look-alike — nothing at all: one pen stroke read twice ("0O" for "O").
    /// </summary>
    private static List<(string Text, double Confidence)> Candidates(RecognizedSymbol symbol, string? allowed, IEnumerable<string> neighbours)
    {
        var candidates = new List<(string Text, double Confidence)> { (symbol.Text, Math.Max(symbol.Confidence, 1)) };
        foreach (var (text, confidence) in symbol.Choices)
        {
            if (candidates.All(c => c.Text != text))
            {
                candidates.Add((text, Math.Max(confidence, 0.5)));
            }
        }

        foreach (var text in candidates.Select(c => c.Text).ToList().SelectMany(t => LookAlikes.GetValueOrDefault(t, [])))
        {
            if (candidates.All(c => c.Text != text))
            {
                candidates.Add((text, 0.1));
            }
        }

        if (neighbours.Any(n => n == symbol.Text || LookAlikes.GetValueOrDefault(n, []).Contains(symbol.Text)))
        {
            candidates.Add(("", 0.05));
        }

        return [.. candidates.Where(c => allowed is null || c.Text.All(allowed.Contains))];
    }
}
