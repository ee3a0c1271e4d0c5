using Platform.Records.Ocr;

namespace Platform.OcrCapture.Proofreading;

/// <summary>The cells of one field that read the same value, the least sure first: side by side, the odd one out shows.</summary>
public sealed record ProofreadingGroup(string? Value, IReadOnlyList<ProofreadCell> Cells)
{
    public int Unconfirmed => Cells.Count(c => !c.Confirmed);

    public int Flagged => Cells.Count(c => c.Flags.Length > 0 && !c.Confirmed);

    /// <summary>
    /// Groups a field's cells by what they read now: groups with cells still to confirm first, the group holding the
    /// least sure such cell first among them; in each group the least sure cell first.
    /// </summary>
    public static IReadOnlyList<ProofreadingGroup> Of(IEnumerable<ProofreadCell> cells) =>
        [.. cells.GroupBy(c => c.Value, StringComparer.Ordinal)
            .Select(g => new ProofreadingGroup(g.Key, [.. g.OrderBy(c => c.Confirmed).ThenBy(c => c.Confidence).ThenBy(c => c.PageOrdinal)]))
            .OrderBy(g => g.Unconfirmed == 0)
            .ThenBy(g => g.Cells.Where(c => !c.Confirmed).Select(c => c.Confidence).DefaultIfEmpty(1).Min())
            .ThenBy(g => g.Value, StringComparer.Ordinal)];
}
