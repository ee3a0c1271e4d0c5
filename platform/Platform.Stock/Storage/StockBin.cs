namespace Platform.Stock.Storage;

/// <summary>
/// The stock of one item in one warehouse now (ERPNext's bin): the position after its last ledger entry, read by balance queries
/// without walking the ledger, and the row a posting locks so that two documents moving the same stock wait for each other.
/// </summary>
public sealed class StockBin
{
    public Guid Item { get; set; }

    public Guid Warehouse { get; set; }

    public decimal Quantity { get; set; }

    public decimal Value { get; set; }

    public decimal ValuationRate { get; set; }

    public string Layers { get; set; } = "[]";

    /// <summary>Where its last active entry stands in ledger order (none yet: <see cref="DateTime.MinValue"/>, 0).</summary>
    public DateTime LastPostedAt { get; set; }

    public long LastEntryId { get; set; }

    /// <summary>Raised by every posting: the write that takes the row's lock.</summary>
    public long Version { get; set; }
}
