namespace Platform.Stock.Valuation;

/// <summary>
/// What a document line does to one item in one warehouse, in stock units: receives (<see cref="Quantity"/> &gt; 0, at
/// <see cref="IncomingRate"/>; none: at the current valuation rate, as a return or a transfer's rate is set later), issues
/// (<see cref="Quantity"/> &lt; 0, valued by the method), or — a stock count — sets the quantity to <see cref="CountedQuantity"/>
/// (at <see cref="IncomingRate"/> when given: the whole stock revalued).
/// </summary>
public sealed record StockMovement(decimal Quantity, decimal? IncomingRate = null, string? Batch = null)
{
    /// <summary>For a stock count: the quantity found; <see cref="Quantity"/> is then what the count changes, worked out from the stock before it.</summary>
    public decimal? CountedQuantity { get; init; }

    public static StockMovement Receipt(decimal quantity, decimal? rate, string? batch = null) => new(quantity, rate, batch);

    public static StockMovement Issue(decimal quantity, string? batch = null) => new(-quantity, null, batch);

    public static StockMovement Count(decimal quantity, decimal? rate = null) => new(0m, rate) { CountedQuantity = quantity };
}
