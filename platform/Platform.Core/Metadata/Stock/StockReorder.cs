namespace Platform.Core.Metadata.Stock;

/// <summary>
/// Safety stock per warehouse (ERPNext's item reorder table, Odoo's min rule): the item's line items <see cref="Lines"/>, each naming a
/// <see cref="Warehouse"/>, the <see cref="Level"/> below which stock is to be ordered again and the <see cref="Quantity"/> to order at
/// least, optionally the <see cref="Supplier"/> to order from (a field of the line, or of the item as <c>record.field</c>). Stock is
/// below the level when what is there, on order and already drafted, less what is reserved, is less than it.
/// </summary>
public sealed class StockReorder
{
    public string Lines { get; set; } = "";

    public string Warehouse { get; set; } = "warehouse";

    public string Level { get; set; } = "level";

    /// <summary>The least to order (ERPNext's re-order qty); none or zero: what brings the projected stock back to the level.</summary>
    public string? Quantity { get; set; }

    public string? Supplier { get; set; }

    public IEnumerable<(string Property, string Reference)> References()
    {
        foreach (var (property, reference) in new[] { ("warehouse", Warehouse), ("level", Level), ("quantity", Quantity), ("supplier", Supplier) })
        {
            if (!string.IsNullOrWhiteSpace(reference))
            {
                yield return (property, reference!);
            }
        }
    }
}
