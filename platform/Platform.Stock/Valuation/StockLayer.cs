namespace Platform.Stock.Valuation;

/// <summary>
/// Some quantity on hand at one rate — a receipt not yet issued (FIFO/LIFO), a batch (specific), or, with negative stock, the
/// quantity issued before it arrived (a negative layer, at the rate it went out at).
/// </summary>
public sealed record StockLayer(decimal Quantity, decimal Rate, string? Batch = null)
{
    public decimal Value => Quantity * Rate;
}
