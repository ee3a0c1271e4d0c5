namespace Platform.Stock.Storage;

/// <summary>
/// One movement of one item in one warehouse from one document line (ERPNext's stock ledger entry), never deleted: what the line
/// asked for (its quantity in its unit, in stock units, its rate or batch) and what the ledger made of it at its place in time —
/// the quantity and value it changed, the rate it went in or out at, and the stock after it. A back-dated posting or a
/// cancellation recomputes the latter for every later entry; a cancelled document's entries stay, marked cancelled.
/// </summary>
public sealed class StockLedgerEntry
{
    public long Id { get; set; }

    public Guid Item { get; set; }

    public Guid Warehouse { get; set; }

    /// <summary>When the movement happened (UTC): ledger order is this, then <see cref="Id"/>.</summary>
    public DateTime PostedAt { get; set; }

    public string VoucherEntity { get; set; } = "";

    public Guid VoucherId { get; set; }

    /// <summary>The document's number (or title) as people know it, for messages and the ledger view.</summary>
    public string VoucherNumber { get; set; } = "";

    public Guid? VoucherLine { get; set; }

    /// <summary><see cref="StockEntryKinds"/>.</summary>
    public string Kind { get; set; } = "";

    public decimal EnteredQuantity { get; set; }

    public string? Unit { get; set; }

    /// <summary>Stock units in (positive) or out (negative) as the line asked; a count's counted quantity is in <see cref="CountedQuantity"/>.</summary>
    public decimal Quantity { get; set; }

    public decimal? CountedQuantity { get; set; }

    /// <summary>The rate it comes in at (a receipt's price, a transfer's rate out of its source, a count's revaluation); null: at the rate then.</summary>
    public decimal? IncomingRate { get; set; }

    public string? Batch { get; set; }

    /// <summary>A transfer's incoming half: the outgoing entry whose rate it takes (unless the document set a transfer price).</summary>
    public long? TransferOf { get; set; }

    public decimal QuantityChange { get; set; }

    public decimal ValueChange { get; set; }

    /// <summary>The rate the quantity moved at.</summary>
    public decimal Rate { get; set; }

    public decimal QuantityAfter { get; set; }

    public decimal ValueAfter { get; set; }

    public decimal ValuationRate { get; set; }

    /// <summary>The FIFO/LIFO/batch layers after it, as JSON.</summary>
    public string Layers { get; set; } = "[]";

    public bool IsCancelled { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>What a ledger entry records.</summary>
public static class StockEntryKinds
{
    public const string Receipt = "receipt";
    public const string Issue = "issue";
    public const string TransferOut = "transferOut";
    public const string TransferIn = "transferIn";
    public const string Count = "count";
}
