using Platform.Stock.Valuation;

namespace Platform.Stock.Ledger;

/// <summary>
/// One movement of an item × warehouse in ledger order (when it happened, then the order it was posted in), with the document
/// line it comes from — named when a movement cannot be valued.
/// </summary>
public sealed record LedgerMovement(DateTimeOffset PostedAt, long Sequence, StockMovement Movement, StockVoucher Voucher);

/// <summary>The document line a ledger entry comes from: its entity, record, number as people know it, and line.</summary>
public sealed record StockVoucher(string Entity, Guid RecordId, string Number, Guid? LineId = null);
