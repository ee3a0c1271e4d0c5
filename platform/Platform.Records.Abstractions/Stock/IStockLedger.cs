using Platform.Core.Security;

namespace Platform.Records.Stock;

/// <summary>
/// Reading the stock ledger: the balance of an item in a warehouse (now or at the end of a day) and its entries with their
/// running balance — to people who may read both the item and the warehouse records (a warehouse scoped to a branch stays hidden).
/// </summary>
public interface IStockLedger
{
    Task<StockAnswer<StockBalance>> BalanceAsync(string item, string warehouse, DateOnly? at, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stock of every item in every warehouse the person may read (both records), optionally of one item or warehouse by code or of
    /// the warehouses of one branch (分公司, by its code or name), most valuable first — at most <paramref name="most"/> rows.
    /// </summary>
    Task<IReadOnlyList<StockBinRow>> StockAsync(string? item, string? warehouse, Actor actor, int most = 500, string? branch = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The items whose projected stock in a warehouse is below the reorder level their reorder table sets, with what to order — of the
    /// items and warehouses the person may read; item code order.
    /// </summary>
    Task<IReadOnlyList<StockReorderNeed>> ReorderAsync(Actor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// What a reorder drafts of the purchase document <paramref name="document"/> for those needs: one draft per warehouse and supplier
    /// (per item where the document has no lines), in warehouse code and supplier order — null when it declares nothing on order.
    /// </summary>
    Task<IReadOnlyList<StockReorderDraft>?> ReorderDraftsAsync(string document, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// 收发存汇总: per item × warehouse the person may read (of one item, warehouse or branch when asked), the stock at the start of
    /// <paramref name="from"/>, what came in and went out up to the end of <paramref name="until"/> (quantities and values), and the
    /// stock then — item code, then warehouse code order; bins with nothing at all in the period left out.
    /// </summary>
    Task<IReadOnlyList<StockMovementRow>> MovementAsync(DateOnly from, DateOnly until, string? item, string? warehouse, string? branch, Actor actor,
        CancellationToken cancellationToken = default);

    Task<StockAnswer<IReadOnlyList<StockLedgerLine>>> LedgerAsync(string item, string warehouse, DateOnly? since, DateOnly? until, Actor actor,
        CancellationToken cancellationToken = default);
}

/// <summary>An answer, or why there is none (the item or warehouse unknown or hidden: not found).</summary>
public sealed record StockAnswer<T>(T? Value, RecordOutcome Outcome, string? Error = null);

/// <summary>
/// An item's stock in a warehouse: the quantity, its value, the rate it is valued at, and the layers FIFO, LIFO and batch valuation
/// take from; what open sales orders reserve and open purchase orders have on order, and so what is projected (now only).
/// </summary>
public sealed record StockBalance(string Item, string Warehouse, string Method, decimal Quantity, decimal Value, decimal ValuationRate, IReadOnlyList<StockQueueLayer>? Queue,
    decimal Reserved = 0m, decimal Ordered = 0m)
{
    /// <summary>What there will be once open orders are done: on hand, plus on order, less reserved.</summary>
    public decimal Projected => Quantity + Ordered - Reserved;
}

/// <summary>One item's stock in one warehouse, named as people know them, with what open orders reserve and have on order.</summary>
public sealed record StockBinRow(string ItemCode, string ItemName, string WarehouseCode, string WarehouseName, decimal Quantity, decimal Value, decimal ValuationRate,
    decimal Reserved = 0m, decimal Ordered = 0m, string? Branch = null)
{
    public decimal Projected => Quantity + Ordered - Reserved;
}

public sealed record StockQueueLayer(decimal Qty, decimal Rate, string? Batch);

/// <summary>One entry of the ledger as people read it: when, which document, what moved at which rate, and the stock after it.</summary>
public sealed record StockLedgerLine(DateTime PostedAt, string Entity, Guid RecordId, string Document, string Kind, decimal? EnteredQuantity, string? Unit,
    decimal QuantityChange, decimal Rate, decimal ValueChange, decimal QuantityAfter, decimal ValueAfter, decimal ValuationRate, string? Batch);

/// <summary>
/// One item × warehouse over a period: the stock it opened with, what came in and went out (quantities as positive numbers, values
/// as the ledger moved them), and the stock it closed with — opening + in − out = closing.
/// </summary>
public sealed record StockMovementRow(string ItemCode, string ItemName, string WarehouseCode, string WarehouseName, string? Branch,
    decimal OpeningQuantity, decimal OpeningValue, decimal InQuantity, decimal InValue, decimal OutQuantity, decimal OutValue, decimal ClosingQuantity, decimal ClosingValue);
