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

    public static CellResult Check(CellResult result, CellTemplate cell)
    {
        if (result.Value is not { } value || cell.Type == CellKind.Check)
        {
            return result;
        }

        var flags = result.Flags.ToList();
        if (result.Confidence < LowConfidence)
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

    /// <summary>Flags each total whose value is not the sum of the fields it names (over every row of the page).</summary>
    public static IReadOnlyList<CellResult> CheckSums(IReadOnlyList<CellResult> cells, FormTemplate template)
    {
        var totals = template.Cells.Concat(template.Rows.SelectMany(g => g.Cells)).Where(c => c.SumOf is not null).ToDictionary(c => c.Field, c => c.SumOf!, StringComparer.Ordinal);
        if (totals.Count == 0)
        {
            return cells;
        }

        return [.. cells.Select(cell =>
        {
            if (!totals.TryGetValue(cell.Path, out var parts) || cell.Value is null)
            {
                return cell;
            }

            var sum = cells.Where(c => parts.Contains(c.Field, StringComparer.Ordinal) && c.Value is not null)
                .Sum(c => decimal.TryParse(c.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0);
            return decimal.TryParse(cell.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var total) && total == sum
                ? cell
                : cell with { Flags = [.. cell.Flags, "sum_mismatch"] };
        })];
    }

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
