namespace Platform.Stock.Valuation;

/// <summary>
/// What one item holds in one warehouse after a ledger entry: the quantity, its value, the rate an issue goes out at (moving
/// average) or the last rate seen, and the layers FIFO, LIFO and specific valuation take from.
/// </summary>
public sealed record StockPosition(decimal Quantity, decimal Value, decimal ValuationRate, IReadOnlyList<StockLayer> Layers)
{
    public static readonly StockPosition Empty = new(0m, 0m, 0m, []);
}
