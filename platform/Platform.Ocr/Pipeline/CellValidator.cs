using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Ocr.Templates;

namespace Platform.Ocr.Pipeline;

/// <summary>
/// Checks what was read against the template: pattern, range, choices (a reading one character off a
/// choice is taken as that choice and flagged), confidence, and totals against the sums they name.
/// Nothing is silently changed: every correction and doubt is a flag.
/// </summary>
public static class CellValidator
{
    public const double LowConfidence = 0.6;

    /// <summary>Flag of the boxes of a one-of group with none or several ticked.</summary>
    public const string OneOfBroken = "one_of";

    public static CellResult Check(CellResult result, CellTemplate cell)
    {
        if (result.Value is not { } value || cell.Type == CellKind.Check)
        {
            return result;
        }

        var flags = result.Flags.ToList();
        // Handwritten numbers carry their own doubt, measured against the calibrated threshold.
        if (result.Confidence < LowConfidence && cell.Type != CellKind.Digits)
        {
            flags.Add("low_confidence");
        }

        if (cell.Choices is { Count: > 0 } choices && !choices.Contains(value, StringComparer.Ordinal))
        {
            var nearest = choices.Select(c => (Choice: c, Distance: EditDistance(c, value))).OrderBy(c => c.Distance).First();
            if (nearest.Distance <= 1 && choices.Count(c => EditDistance(c, value) == nearest.Distance) == 1)
            {
                flags.Add("corrected");
                return result with { Value = nearest.Choice, Raw = value, Flags = flags };
            }

            flags.Add("not_a_choice");
        }

        if (cell.Pattern is { } pattern && !Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
        {
            flags.Add("pattern");
        }

        if ((cell.Min is not null || cell.Max is not null)
            && (!decimal.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < cell.Min || number > cell.Max))
        {
            flags.Add("range");
        }

        return result with { Flags = flags };
    }

    /// <summary>Whether a value keeps the cell's rules (choices, pattern, range).</summary>
    public static bool Accepts(CellTemplate cell, string value) =>
        (cell.Choices is not { Count: > 0 } choices || choices.Contains(value, StringComparer.Ordinal))
        && (cell.Pattern is not { } pattern || Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
        && ((cell.Min is null && cell.Max is null)
            || (decimal.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && !(number < cell.Min) && !(number > cell.Max)));

    /// <summary>
    /// Cross-checks totals against the fields they name: a header total against those fields over every row, a
    /// total inside a row against that row's fields. A total that disagrees is flagged <c>sum_mismatch</c>, and so
    /// are the handwritten cells it sums (one of them is wrong, and nobody can tell which). A total that agrees
    /// with its parts confirms them: handwritten cells among them lose <c>low_confidence</c> and are marked
    /// <see cref="CellResult.ConfirmedBySum"/> (a misreading would have to be cancelled out exactly by another).
    /// </summary>
    public static IReadOnlyList<CellResult> CheckSums(IReadOnlyList<CellResult> cells, FormTemplate template)
    {
        var totals = template.Cells.Concat(template.Rows.SelectMany(g => g.Cells)).Where(c => c.SumOf is not null).ToDictionary(c => c.Field, c => c.SumOf!, StringComparer.Ordinal);
        if (totals.Count == 0)
        {
            return cells;
        }

        var result = cells.ToList();
        for (var i = 0; i < result.Count; i++)
        {
            var total = result[i];
            if (!totals.TryGetValue(total.Field, out var names) || total.Value is null)
            {
                continue;
            }

            var row = RowOf(total.Path);
            var parts = Enumerable.Range(0, result.Count)
                .Where(j => j != i && names.Contains(result[j].Field, StringComparer.Ordinal) && (row is null || RowOf(result[j].Path) == row))
                .ToList();
            var sum = parts.Where(j => result[j].Value is not null)
                .Sum(j => decimal.TryParse(result[j].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0);
            var agrees = decimal.TryParse(total.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var stated) && stated == sum
                && parts.All(j => !result[j].Flags.Contains("not_a_digit") && !result[j].Flags.Contains("stray_mark"));
            foreach (var j in parts.Where(j => result[j].Type == CellKind.Digits && result[j].Value is not null).Append(i))
            {
                var cell = result[j];
                result[j] = agrees
                    ? cell with { Flags = [.. cell.Flags.Where(f => f != "low_confidence")], ConfirmedBySum = cell.Type == CellKind.Digits || cell.ConfirmedBySum }
                    : cell.Type == CellKind.Digits || j == i ? cell with { Flags = [.. cell.Flags.Where(f => f != "sum_mismatch"), "sum_mismatch"] } : cell;
            }
        }

        return result;
    }

    /// <summary>
    /// One-of groups of check boxes (送货 / 自提 / 快递): the boxes of a group in the header, or in one row, must have exactly
    /// one ticked; otherwise each of them is flagged <c>one_of</c>. An empty row's groups are not checked.
    /// </summary>
    public static IReadOnlyList<CellResult> CheckGroups(IReadOnlyList<CellResult> cells, FormTemplate template)
    {
        var groups = template.Cells.Concat(template.Rows.SelectMany(g => g.Cells)).Where(c => c.OneOf is not null)
            .ToDictionary(c => c.Field, c => c.OneOf!, StringComparer.Ordinal);
        if (groups.Count == 0)
        {
            return cells;
        }

        var result = cells.ToList();
        var preprinted = template.Rows.SelectMany(g => g.Cells).Where(c => c.Preprinted).Select(c => c.Field).ToHashSet(StringComparer.Ordinal);
        var rowsWithValues = cells.Where(c => c.Type != CellKind.Check && c.Value is not null && !preprinted.Contains(c.Field)).Select(c => RowOf(c.Path)).ToHashSet();
        foreach (var boxes in Enumerable.Range(0, result.Count).Where(i => groups.ContainsKey(result[i].Field))
                     .GroupBy(i => (Row: RowOf(result[i].Path), Group: groups[result[i].Field])))
        {
            var ticked = boxes.Count(i => result[i].Value == "true");
            if (ticked == 1 || (boxes.Key.Row is not null && ticked == 0 && !rowsWithValues.Contains(boxes.Key.Row)))
            {
                continue;
            }

            foreach (var i in boxes)
            {
                result[i] = result[i] with { Flags = [.. result[i].Flags, OneOfBroken] };
            }
        }

        return result;
    }

    /// <summary>The row part of a cell's path (<c>lines[3]</c> of <c>lines[3].qty_s</c>); null for a header cell.</summary>
    private static string? RowOf(string path) => path.IndexOf("].", StringComparison.Ordinal) is > 0 and var end ? path[..(end + 1)] : null;

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
