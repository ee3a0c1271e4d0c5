namespace Platform.Core.Metadata.Stock;

/// <summary>
/// The part an entity plays in the stock ledger: its records are items (<see cref="Item"/>), warehouses (<see cref="Warehouse"/>),
/// or documents that move stock when submitted (<see cref="Postings"/>; the entity must be submittable). One entity plays one part.
/// </summary>
public sealed class StockDefinition
{
    public StockItemSettings? Item { get; set; }

    public StockWarehouseSettings? Warehouse { get; set; }

    /// <summary>What a submitted document moves — one posting per kind of movement (a transfer's lines, a receipt's lines).</summary>
    public List<StockPosting>? Postings { get; set; }

    /// <summary>What a submitted sales order reserves: projected stock is what is there, plus what is expected, less what is reserved.</summary>
    public StockCommitment? Reserves { get; set; }

    /// <summary>What a submitted purchase order has on order: expected to come in.</summary>
    public StockCommitment? Orders { get; set; }

    /// <summary>The document's date or date-and-time field the movements are posted at (back-dated documents repost later entries); none: when it is submitted.</summary>
    public string? PostedAt { get; set; }
}
