using Platform.Ocr.Pipeline;

namespace Platform.Benchmarks.Ocr;

/// <summary>
/// The coverage / accuracy curve of handwritten cells: for each least confidence, the share of cells accepted
/// without review and the share of accepted cells that are right; and the same at the flags the reader set.
/// </summary>
internal sealed class CoverageCurve
{
    private static readonly double[] Thresholds = [0, 0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 0.9995, 0.9999];

    private readonly List<(double Confidence, bool Flagged, bool Right)> _cells = [];

    private readonly Dictionary<string, (int Cells, int Right)> _flags = [];

    public void Add(CellResult cell, bool right)
    {
        _cells.Add((cell.Value is null ? 0 : cell.Confidence, cell.Flags.Count > 0 || cell.Value is null, right));
        foreach (var flag in cell.Flags)
        {
            var (cells, rightOnes) = _flags.GetValueOrDefault(flag);
            _flags[flag] = (cells + 1, rightOnes + (right ? 1 : 0));
        }
    }

    /// <summary>Why cells went to review: each flag, on how many cells (a cell may carry several), and how many of those were right.</summary>
    public string Reasons() => string.Join("; ", _flags.OrderByDescending(f => f.Value.Cells).Select(f => $"{f.Key} {f.Value.Cells} ({f.Value.Right} right)"));

    public string Table()
    {
        var lines = new List<string> { "| cell confidence ≥ | accepted | right among accepted |", "| --- | --- | --- |" };
        foreach (var threshold in Thresholds)
        {
            var accepted = _cells.Where(c => c.Confidence >= threshold && c.Confidence > 0).ToList();
            lines.Add($"| {threshold} | {Share(accepted.Count, _cells.Count)} | {Share(accepted.Count(c => c.Right), accepted.Count)} |");
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Cells with no flag are accepted: how many, and how many of them are right; how many flagged ones were right anyway.</summary>
    public string AtFlags()
    {
        var accepted = _cells.Where(c => !c.Flagged).ToList();
        var flagged = _cells.Count - accepted.Count;
        return $"accepted {Share(accepted.Count, _cells.Count)} of {_cells.Count} filled cells, right among accepted {Share(accepted.Count(c => c.Right), accepted.Count)} " +
            $"({accepted.Count(c => !c.Right)} wrong accepted); sent to review {flagged} ({_cells.Count(c => c.Flagged && c.Right)} of them were right); " +
            $"all cells right {Share(_cells.Count(c => c.Right), _cells.Count)}";
    }

    private static string Share(int part, int all) => all == 0 ? "—" : $"{part} ({100.0 * part / all:0.00} %)";
}
