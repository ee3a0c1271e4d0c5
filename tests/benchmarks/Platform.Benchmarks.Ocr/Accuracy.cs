using Platform.Ocr.Corpus;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Templates;

namespace Platform.Benchmarks.Ocr;

/// <summary>Cells read right against the corpus's ground truth, by kind of cell, and what went wrong.</summary>
internal sealed class Accuracy(string handwriting = "MNIST")
{
    private readonly Dictionary<string, (int Right, int All)> _filled = [];
    private readonly Dictionary<string, (int Right, int All)> _empty = [];
    private int _digitsRight;

    /// <summary>Filled handwritten cells right as the classifier read them, before a total chose among their readings.</summary>
    private (int Right, int All) _asRead;
    private int _digitsWritten;

    public List<string> Mistakes { get; } = [];

    /// <summary>Handwritten cells read wrong, by kind, and the first few of them.</summary>
    public Dictionary<string, int> DigitMistakes { get; } = [];

    public List<string> DigitExamples { get; } = [];

    /// <summary>Every handwritten cell read wrong and yet accepted without review (no flag): the mistakes nobody would see.</summary>
    public List<string> WrongAccepted { get; } = [];

    /// <summary>The filled handwritten quantity cells: how sure the reader was and whether it was right.</summary>
    public CoverageCurve Coverage { get; } = new();

    /// <summary>Cells sent to review, by flag and by what the sheet's total and the cell's row made of the page.</summary>
    public Dictionary<string, int> ReviewContext { get; } = [];

    public void Add(PageResult page, PageTruth truth, FormTemplate template)
    {
        // The template's totals: the sheet's (a header cell summing fields) and a row's (a row cell summing that row).
        var sheetTotal = template.Cells.FirstOrDefault(c => c.SumOf is not null)?.Field;
        var rowTotalField = template.Rows.SelectMany(g => g.Cells).FirstOrDefault(c => c.SumOf is not null)?.Field;
        var sheet = page.Cells.FirstOrDefault(c => c.Path == sheetTotal);
        var sheetState = sheet is null ? "no sheet total" : sheet.Flags.Count == 0 ? "sheet total accepted" : $"sheet total {string.Join("+", sheet.Flags)}";
        foreach (var cell in page.Cells.Where(c => c.Type == CellKind.Digits && c.Flags.Count > 0 && truth.Values.ContainsKey(c.Path)))
        {
            var row = cell.Path.Contains('.', StringComparison.Ordinal) ? cell.Path[..cell.Path.IndexOf('.', StringComparison.Ordinal)] : null;
            var rowTotal = row is null || rowTotalField is null ? null : page.Cells.FirstOrDefault(c => c.Path == $"{row}.{rowTotalField}");
            var rowState = row is null ? "header" : rowTotal?.Value is null ? "row without total" : page.Cells.Any(c => c.Path.StartsWith(row + ".", StringComparison.Ordinal) && c.Flags.Contains("sum_corrected")) ? "row corrected" : rowTotal.Flags.Contains("sum_mismatch") ? "row unresolved" : "row adds up";
            var key = $"{string.Join("+", cell.Flags)} | {sheetState} | {rowState}";
            ReviewContext[key] = ReviewContext.GetValueOrDefault(key) + 1;
        }

        foreach (var cell in page.Cells)
        {
            var placed = template.PlacedCells().First(p => p.Path == cell.Path).Cell;
            var kind = cell.Type switch
            {
                CellKind.Text => $"printed text ({placed.Language})",
                CellKind.Digits => $"handwritten digits ({handwriting})",
                _ => "check marks",
            };
            var expected = cell.Type == CellKind.Check ? (truth.Values.ContainsKey(cell.Path) ? "true" : "false") : truth.Values.GetValueOrDefault(cell.Path);
            var right = cell.Value == expected;
            var table = expected is null || (cell.Type == CellKind.Check && expected == "false") ? _empty : _filled;
            var (r, a) = table.GetValueOrDefault(kind);
            table[kind] = (r + (right ? 1 : 0), a + 1);
            if (cell.Type == CellKind.Digits && expected is not null)
            {
                Coverage.Add(cell, right);
                _asRead = (_asRead.Right + ((cell.Raw ?? cell.Value) == expected ? 1 : 0), _asRead.All + 1);
                _digitsWritten += expected.Length;
                _digitsRight += cell.Value is null ? 0 : expected.Zip(cell.Value).Count(p => p.First == p.Second) - Math.Max(0, cell.Value.Length - expected.Length);
            }

            if (!right && cell.Type == CellKind.Digits)
            {
                var kind2 = expected is null ? "read in an empty cell" : cell.Value is null ? "left empty or refused" : cell.Value.Length != expected.Length ? "digits missing or extra" : "a digit misread";
                DigitMistakes[kind2] = DigitMistakes.GetValueOrDefault(kind2) + 1;
                if (expected is not null && cell.Value is not null && cell.Flags.Count == 0)
                {
                    WrongAccepted.Add($"{Path.GetFileName(page.Source)} {cell.Path}: expected '{expected}', read '{cell.Value}' ({cell.Confidence:0.0000}{(cell.Raw is null ? "" : $"; read at first '{cell.Raw}'")})");
                }

                if (DigitExamples.Count < 40)
                {
                    DigitExamples.Add($"{Path.GetFileName(page.Source)} {cell.Path}: expected '{expected}', read '{cell.Value}' ({cell.Confidence:0.0000}; {string.Join(",", cell.Flags)}{(cell.Raw is null ? "" : $"; read at first '{cell.Raw}'")})");
                }
            }

            if (!right && cell.Type != CellKind.Digits)
            {
                Mistakes.Add($"{Path.GetFileName(page.Source)} {cell.Path}: expected '{expected}', read '{cell.Value}' ({cell.Confidence:0.00}; {string.Join(",", cell.Flags)})");
            }
        }
    }

    public IEnumerable<string> Rows()
    {
        foreach (var (kind, (right, all)) in _filled.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            yield return $"| {kind}, filled cells | {right} / {all} | {Percent(right, all)} |";
        }

        foreach (var (kind, (right, all)) in _empty.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            yield return $"| {kind}, empty cells left empty | {right} / {all} | {Percent(right, all)} |";
        }

        yield return $"| handwritten digits ({handwriting}), single digits in position | {_digitsRight} / {_digitsWritten} | {Percent(_digitsRight, _digitsWritten)} |";
        yield return $"| handwritten digits ({handwriting}), filled cells as read, before the total chose (same run) | {_asRead.Right} / {_asRead.All} | {Percent(_asRead.Right, _asRead.All)} |";
    }

    private static string Percent(int right, int all) => all == 0 ? "—" : $"{100.0 * right / all:0.00} %";
}
