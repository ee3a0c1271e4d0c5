namespace Platform.Stock.Posting;

/// <summary>
/// What one document line will move, worked out before anything is written: the item and warehouse, the quantity as entered and in
/// stock units, and the rate or batch — and for a transfer's incoming half, the outgoing half whose rate it takes.
/// </summary>
public sealed record PlannedMovement(int Line, Guid? LineId, StockItem Item, StockWarehouse Warehouse, string Kind, decimal? EnteredQuantity, string? Unit,
    decimal Quantity, decimal? CountedQuantity, decimal? IncomingRate, string? Batch)
{
    /// <summary>A transfer's incoming half: the outgoing half (by its place in the plan) whose rate it comes in at.</summary>
    public int? RateOf { get; init; }
}
