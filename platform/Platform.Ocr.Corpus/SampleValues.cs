using System.Globalization;
using System.Text;
using Platform.Ocr.Templates;

namespace Platform.Ocr.Corpus;

/// <summary>
/// Draws the values of one synthetic page from the template: header cells, and line items filled
/// from the first row down to a random last row; totals are the sums they name. Empty cells are
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
                foreach (var cell in group.Cells.Where(c => c.OneOf is null))
                {
                    if (Value(cell, random) is { } value)
                    {
                        values[$"{group.Name}[{row}].{cell.Field}"] = value;
                    }
                }

                TickOneOfEach(group.Cells, $"{group.Name}[{row}].", values, random);
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
