namespace Platform.Records.Stock;

/// <summary>
/// An item × warehouse whose projected stock — on hand, plus on order and already drafted, less reserved — is below its reorder level,
/// with what to order: the shortfall to the level, or the item's reorder quantity where that is more. <see cref="Supplier"/> is what the
/// item's reorder table names (a supplier record's id, or a text); the unit is the item's stock unit.
/// </summary>
public sealed record StockReorderNeed(Guid ItemId, string ItemCode, string ItemName, Guid WarehouseId, string WarehouseCode, string WarehouseName,
    string? Supplier, string? StockUnit, decimal Level, decimal OnHand, decimal Reserved, decimal Ordered, decimal Drafted, decimal Quantity)
{
    /// <summary>The supplier as people know it (the name of the supplier record), or <see cref="Supplier"/> as it is.</summary>
    public string? SupplierName { get; init; }

    /// <summary>What there will be once open and drafted orders are done: on hand, plus on order and drafted, less reserved.</summary>
    public decimal Projected => OnHand + Ordered + Drafted - Reserved;
}

/// <summary>
/// A purchase document a reorder drafts for one warehouse and supplier: its <see cref="Values"/> (item, warehouse, quantity and unit where
/// its on-order declaration reads them) and the <see cref="Group"/> a workflow computes its own values from.
/// </summary>
public sealed record StockReorderDraft(string WarehouseCode, IReadOnlyDictionary<string, object?> Values, IReadOnlyDictionary<string, object?> Group);
