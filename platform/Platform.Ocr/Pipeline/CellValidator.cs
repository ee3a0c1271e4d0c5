using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Ocr.Digits;
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

    /// <summary>Flag of a handwritten number read otherwise at first and changed to the reading its total adds up with.</summary>
    public const string SumCorrected = "sum_corrected";

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
    /// Cross-checks totals against the fields they name: a header total against those fields over every row, a total inside
    /// a row against that row's fields. The total chooses among the handwritten numbers' likeliest readings (<see cref="SumCheck"/>):
    /// when one set of readings that adds up stands out, a number read otherwise takes the reading that adds up (what was read
    /// is kept as <see cref="CellResult.Raw"/>), and each handwritten number's confidence becomes how likely it is right now
    /// that the total is known. Those sure enough for their cell's accuracy are accepted (<see cref="CellResult.ConfirmedBySum"/>,
    /// <c>low_confidence</c> lifted); the others are flagged <c>low_confidence</c> where the numbers add up (as read or put
    /// right), <c>sum_mismatch</c> where they still do not; a number changed is always flagged <c>sum_corrected</c>, however likely.
    /// When nothing that adds up stands out, nothing is changed and the total is flagged <c>sum_mismatch</c>; so is every number
    /// not sure enough even so (in practice all of them: any could be the one misread, and nobody can tell which).
    /// Rows' totals are weighed before header totals, each starting from the readings the checks before it left (one total at a
    /// time, not all of a page's together); a number once changed stays <c>sum_corrected</c>.
    /// </summary>
    public static IReadOnlyList<CellResult> CheckSums(IReadOnlyList<CellResult> cells, FormTemplate template)
    {
        var declared = template.Cells.Concat(template.Rows.SelectMany(g => g.Cells)).GroupBy(c => c.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var totals = declared.Values.Where(c => c.SumOf is not null).ToDictionary(c => c.Field, c => c.SumOf!, StringComparer.Ordinal);
        if (totals.Count == 0)
        {
            return cells;
        }

        var result = cells.ToList();
        // A row's totals first: each check starts from what the checks before it made of its numbers, and a row's few numbers
        // say where a misreading is far better than the page's many.
        var weighed = new HashSet<int>();
        var order = Enumerable.Range(0, result.Count).Where(i => totals.ContainsKey(result[i].Field)).OrderBy(i => RowOf(result[i].Path) is null).ToList();
        foreach (var i in order)
        {
            var total = result[i];
            if (!totals.TryGetValue(total.Field, out var names) || total.Value is null)
            {
                continue;
            }

            var row = RowOf(total.Path);
            var parts = Enumerable.Range(0, result.Count)
                .Where(j => j != i && names.Contains(result[j].Field, StringComparer.Ordinal) && (row is null || RowOf(result[j].Path) == row) && result[j].Value is not null)
                .ToList();
            var members = parts.Append(i).ToList();
            var verdict = parts.Any(j => result[j].Flags.Contains("not_a_digit") || result[j].Flags.Contains("stray_mark")) || !Number(total.Value, out _)
                ? null
                : SumCheck.Resolve([.. members.Select(j => Term(result[j], declared.GetValueOrDefault(result[j].Field), j == i, weighed.Contains(j)))]);
            if (verdict is null)
            {
                // A part that is no number: the check cannot weigh anything (a number an earlier total confirmed stays so).
                foreach (var j in members.Where(j => j == i || (result[j].Type == CellKind.Digits && !result[j].ConfirmedBySum)))
                {
                    result[j] = result[j] with { Flags = [.. result[j].Flags.Where(f => f != "sum_mismatch"), "sum_mismatch"] };
                }

                continue;
            }

            for (var m = 0; m < members.Count; m++)
            {
                var j = members[m];
                var cell = result[j];
                var sure = verdict.Likelihood[m] >= (declared.GetValueOrDefault(cell.Field)?.Accuracy ?? CellReader.DefaultAccuracy);
                // A total that still does not add up is never accepted, however sure each number is.
                var unresolvedTotal = j == i && !verdict.AddsUp;
                if (cell.Type != CellKind.Digits)
                {
                    // Printed or given: not re-read; confirmed when the numbers add up, the total doubted when they do not.
                    result[j] = verdict.AddsUp && sure ? cell with { Flags = [.. cell.Flags.Where(f => f != "low_confidence")] }
                        : j == i ? cell with { Flags = [.. cell.Flags.Where(f => f != "sum_mismatch"), "sum_mismatch"] }
                        : cell;
                    continue;
                }

                var value = cell.Candidates.Count > 0 ? cell.Candidates[verdict.Chosen[m]].Value : cell.Value;
                // Nothing is changed silently: a number the total put right is shown as such, for a person to confirm, and stays so
                // whatever a later total makes of it.
                // Once the numbers add up (as read or put right), what is left is doubt about this one: not a total that disagrees.
                var changed = value != cell.Value;
                var correctedBefore = cell.Flags.Contains(SumCorrected);
                var doubt = changed || correctedBefore ? SumCorrected : verdict.AddsUp && !unresolvedTotal ? "low_confidence" : "sum_mismatch";
                sure &= !changed && !correctedBefore && !unresolvedTotal;
                result[j] = cell with
                {
                    Value = value,
                    Raw = changed && !correctedBefore ? cell.Value : cell.Raw,
                    Confidence = Math.Round(verdict.Likelihood[m], 4),
                    ConfirmedBySum = sure && (verdict.AddsUp || cell.ConfirmedBySum),
                    // Its doubt is now the total's: how sure the reading was alone no longer says how sure it is.
                    Flags = [.. cell.Flags.Where(f => f is not "low_confidence" and not "sum_mismatch" and not SumCorrected), .. sure ? Array.Empty<string>() : [doubt]],
                    Candidates = Posterior(cell.Candidates, verdict.Chosen[m], verdict.Likelihood[m]),
                };
                weighed.Add(j);
            }
        }

        return result;
    }

    /// <summary>
    /// A number's readings once a total has been weighed, for the next total that counts it: the chosen reading first, as likely
    /// as the check found it, the others sharing what is left as they did before.
    /// </summary>
    private static IReadOnlyList<NumberCandidate> Posterior(IReadOnlyList<NumberCandidate> candidates, int chosen, double likelihood)
    {
        if (candidates.Count == 0)
        {
            return candidates;
        }

        var others = candidates.Where((_, k) => k != chosen).ToList();
        var rest = 1 - candidates[chosen].Probability;
        return [new NumberCandidate(candidates[chosen].Value, likelihood),
            .. others.Select(c => c with { Probability = rest > 0 ? (1 - likelihood) * c.Probability / rest : 0 })];
    }

    /// <summary>
    /// A number as the total's check weighs it (after an earlier total, as that one left it): a handwritten one with its
    /// likeliest readings — those its cell's rules refuse (out of range, against the pattern) weigh nothing, so a total never puts a number right into a wrong one — anything else
    /// as it is.
    /// </summary>
    private static SumTerm Term(CellResult cell, CellTemplate? declared, bool isTotal, bool weighedBefore)
    {
        if (cell.Type == CellKind.Digits)
        {
            // A number read without its next-best readings (another reader's) is only what it is, as sure as it says. One an
            // earlier total weighed already counts the chance of a misreading no candidate lists in what its readings leave over.
            return new SumTerm(cell.Candidates.Count > 0
                ? [.. cell.Candidates.Select((c, k) => (Number(c.Value, out var n) ? n : 0, k == 0 || declared is null || Accepts(declared, c.Value) ? c.Probability : 0))]
                : [(Number(cell.Value, out var read) ? read : 0, cell.Confidence)], isTotal) { Sure = weighedBefore };
        }

        return SumTerm.Fixed(Number(cell.Value, out var value) ? value : 0, isTotal);
    }

    private static bool Number(string? text, out decimal value) => decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

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
