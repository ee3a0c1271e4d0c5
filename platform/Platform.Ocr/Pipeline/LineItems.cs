using Platform.Ocr.Templates;

namespace Platform.Ocr.Pipeline;

/// <summary>
/// The line items of a page from its cells: a row with anything written in it (pre-printed cells do not count) is a line
/// item of its group; in a size grid, each size column with a quantity other than 0 gives a line item of its own with the
/// row's other cells, the size and the quantity. The reader calls it with what it read, proofreading with what people confirmed.
/// </summary>
public static class LineItems
{
    public static List<LineItem> Of(FormTemplate template, IReadOnlyList<CellResult> cells)
    {
        var byPath = cells.ToDictionary(c => c.Path, StringComparer.Ordinal);
        var grids = template.Rows.Where(g => g.Grid is not null).ToDictionary(g => g.Name, g => g.Grid!, StringComparer.Ordinal);
        string? ValueOf(PlacedCell placed) => byPath.GetValueOrDefault(placed.Path)?.Value;
        return [.. template.PlacedCells().Where(p => p.Group is not null).GroupBy(p => (Group: p.Group!, Row: p.Row!.Value))
            .Where(row => row.Any(p => !p.Cell.Preprinted && IsFilled(p.Cell.Type, ValueOf(p))))
            .SelectMany(row =>
            {
                var values = row.ToDictionary(p => p.Cell.Field, ValueOf, StringComparer.Ordinal);
                if (!grids.TryGetValue(row.Key.Group, out var grid))
                {
                    return [new LineItem(row.Key.Group, row.Key.Row, values)];
                }

                // One line per size with a quantity; the row's other cells repeated on each.
                var common = values.Where(v => !grid.Columns.ContainsKey(v.Key)).ToList();
                return grid.Columns.Where(c => values.GetValueOrDefault(c.Key) is { } quantity && !IsZero(quantity))
                    .Select(c => new LineItem(row.Key.Group, row.Key.Row, new Dictionary<string, string?>(common, StringComparer.Ordinal) { [grid.Field] = c.Value, [grid.Quantity] = values[c.Key] }))
                    .DefaultIfEmpty(new LineItem(row.Key.Group, row.Key.Row, new Dictionary<string, string?>(common, StringComparer.Ordinal)));
            })];
    }

    /// <summary>Written in: a value, a ticked box (an unticked box is "false", not a value).</summary>
    private static bool IsFilled(CellKind kind, string? value) => value is not null && !(kind == CellKind.Check && value == "false");

    private static bool IsZero(string quantity) => quantity.Trim().All(c => c == '0');
}
