namespace Platform.Stock.Valuation;

/// <summary>
/// What one movement did: the stock after it, the quantity it changed (a count's difference), the value it added or took
/// (negative for an issue), and the rate it went in or out at.
/// </summary>
public sealed record StockOutcome(StockPosition After, decimal QuantityChange, decimal ValueChange, decimal Rate);
