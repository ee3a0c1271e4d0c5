namespace Platform.Stock.Ledger;

/// <summary>
/// A movement that would take more than the item × warehouse holds at that point of the ledger — the one being posted, or a
/// later one a back-dated posting or a cancellation leaves short — named with its document and time.
/// </summary>
public sealed class LedgerShortageException(LedgerMovement at, decimal there, decimal asked, string? batch)
    : Exception($"{at.Voucher.Number} at {at.PostedAt:yyyy-MM-dd HH:mm}: only {there:0.######}{(batch is null ? "" : " of batch " + batch)} in stock, {asked:0.######} needed.")
{
    public LedgerMovement At { get; } = at;

    public decimal There { get; } = there;

    public decimal Asked { get; } = asked;

    public string? Batch { get; } = batch;
}
