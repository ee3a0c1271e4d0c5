using Platform.Core.Metadata.Stock;
using Platform.Records.Stock;

namespace Platform.Stock.Reading;

/// <summary>
/// The values of the purchase documents a reorder drafts for one warehouse and supplier: where the document's on-order declaration reads
/// item, warehouse, quantity and unit, those are filled — a line per item, or a document per item where it has no lines — with the group
/// a workflow's values are computed from (as <c>group</c>: a supplier, a date, lines of its own laid over them).
/// </summary>
internal static class StockReorderDrafts
{
    public static IEnumerable<StockReorderDraft> Of(StockCommitment orders, IReadOnlyList<StockReorderNeed> needs)
    {
        foreach (var drafted in orders.Lines is null ? needs.Select(n => (IReadOnlyList<StockReorderNeed>)[n]) : [needs])
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            var lines = new List<Dictionary<string, object?>>();
            foreach (var need in drafted)
            {
                var line = orders.Lines is null ? values : new Dictionary<string, object?>(StringComparer.Ordinal);
                Put(values, line, orders.Item, need.ItemId.ToString());
                Put(values, line, orders.Warehouse, need.WarehouseId.ToString());
                Put(values, line, orders.Quantity, need.Quantity);
                if (need.StockUnit is { } unit)
                {
                    Put(values, line, orders.Unit, unit);
                }

                if (orders.Lines is not null)
                {
                    lines.Add(line);
                }
            }

            if (orders.Lines is { } field)
            {
                values[field] = lines;
            }

            yield return new StockReorderDraft(drafted[0].WarehouseCode, values, Group(drafted));
        }
    }

    /// <summary>What the task's values see as <c>group</c>: the warehouse, the supplier and what to order of each item.</summary>
    private static Dictionary<string, object?> Group(IReadOnlyList<StockReorderNeed> needs) => new(StringComparer.Ordinal)
    {
        ["warehouse"] = needs[0].WarehouseId.ToString(),
        ["warehouseCode"] = needs[0].WarehouseCode,
        ["warehouseName"] = needs[0].WarehouseName,
        ["supplier"] = needs[0].Supplier,
        ["lines"] = needs.Select(n => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["item"] = n.ItemId.ToString(), ["itemCode"] = n.ItemCode, ["itemName"] = n.ItemName, ["quantity"] = n.Quantity, ["unit"] = n.StockUnit,
            ["level"] = n.Level, ["onHand"] = n.OnHand, ["reserved"] = n.Reserved, ["ordered"] = n.Ordered, ["drafted"] = n.Drafted, ["projected"] = n.Projected,
        }).ToList(),
    };

    /// <summary>A value for the field a reference names: the document's own (<c>record.field</c>) or the line's.</summary>
    private static void Put(Dictionary<string, object?> document, Dictionary<string, object?> line, string? reference, object? value)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return;
        }

        if (reference.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal))
        {
            document[reference[StockPosting.DocumentPrefix.Length..]] = value;
        }
        else
        {
            line[reference] = value;
        }
    }
}
