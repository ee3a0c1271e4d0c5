namespace Platform.Stock.Valuation;

/// <summary>Why a movement cannot be valued: it would take more than is there (and negative stock is not allowed), or a batch that is not there.</summary>
public sealed class StockShortageException(string message, decimal shortBy, string? batch = null) : Exception(message)
{
    /// <summary>How much is missing.</summary>
    public decimal ShortBy { get; } = shortBy;

    /// <summary>The batch asked for, for specific valuation.</summary>
    public string? Batch { get; } = batch;
}
