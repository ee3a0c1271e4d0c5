using System.Globalization;
using System.Text;
using Platform.Ocr.Templates;

namespace Platform.Ocr.Corpus;

/// <summary>
/// Draws the values of one synthetic page from the template: header cells, and line items filled
/// from the first row down to a random last row; totals are the sums they name (a row's total, that row's). Empty cells are
/// absent from the result.
/// </summary>
public static class SampleValues
{
    public static Dictionary<string, string> Draw(FormTemplate template, Random random)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in template.Cells.Where(c => c.SumOf is null && c.OneOf is null))
        {
            if (Value(cell, random) is { } value)
            {
                values[cell.Field] = value;
            }
        }

        TickOneOfEach(template.Cells, "", values, random);

        foreach (var group in template.Rows)
        {
            var filled = random.Next(Math.Min(3, group.Count), group.Count + 1);
            for (var row = filled; row < group.Count; row++)
            {
                // What the blank has printed is in every row, written in or not.
                foreach (var cell in group.Cells.Where(c => c.Preprinted))
                {
                    if (Value(cell, random) is { } value)
                    {
                        values[$"{group.Name}[{row}].{cell.Field}"] = value;
                    }
                }
            }

            for (var row = 0; row < filled; row++)
            {
                var prefix = $"{group.Name}[{row}].";
                foreach (var cell in group.Cells.Where(c => c.OneOf is null && c.SumOf is null))
                {
                    if (Value(cell, random) is { } value)
                    {
                        values[prefix + cell.Field] = value;
                    }
                }

                TickOneOfEach(group.Cells, prefix, values, random);
                // A row's total sums that row's numbers; a row without any is left without one.
                foreach (var cell in group.Cells.Where(c => c.SumOf is not null))
                {
                    var parts = cell.SumOf!.Where(f => values.ContainsKey(prefix + f)).ToList();
                    if (parts.Count > 0)
                    {
                        values[prefix + cell.Field] = parts.Sum(f => decimal.Parse(values[prefix + f], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
                    }
                }
            }
        }

        foreach (var cell in template.Cells.Where(c => c.SumOf is not null))
        {
            var sum = values.Where(v => cell.SumOf!.Contains(v.Key[(v.Key.LastIndexOf('.') + 1)..], StringComparer.Ordinal))
                .Sum(v => decimal.Parse(v.Value, CultureInfo.InvariantCulture));
            values[cell.Field] = sum.ToString(CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>A filled form keeps its one-of groups: exactly one box of each ticked.</summary>
    private static void TickOneOfEach(IEnumerable<CellTemplate> cells, string prefix, Dictionary<string, string> values, Random random)
    {
        foreach (var group in cells.Where(c => c.OneOf is not null).GroupBy(c => c.OneOf, StringComparer.Ordinal))
        {
            var boxes = group.ToList();
            values[prefix + boxes[random.Next(boxes.Count)].Field] = "true";
        }
    }

    private static string? Value(CellTemplate cell, Random random)
    {
        if (cell.SampleEmpty is { } empty && random.NextDouble() < empty)
        {
            return null;
        }

        if (cell.Type == CellKind.Check)
        {
            return "true";
        }

        if (cell.Sample == "date")
        {
            return new DateOnly(2026, 1, 1).AddDays(random.Next(365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (cell.Sample is { } pattern)
        {
            var text = new StringBuilder();
            foreach (var c in pattern)
            {
                text.Append(c switch { '#' => (char)('0' + random.Next(10)), '@' => (char)('A' + random.Next(26)), _ => c });
            }

            if (cell.Type == CellKind.Digits)
            {
                var number = text.ToString().TrimStart('0');
                return number.Length == 0 ? null : number;
            }

            return text.ToString();
        }

        var pool = cell.SampleValues ?? cell.Choices;
        return pool is { Count: > 0 } ? pool[random.Next(pool.Count)] : null;
    }
}
