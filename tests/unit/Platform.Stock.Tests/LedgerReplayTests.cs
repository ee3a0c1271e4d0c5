using Platform.Stock.Ledger;
using Platform.Stock.Valuation;

namespace Platform.Stock.Tests;

/// <summary>
/// Replaying an item × warehouse's ledger after a change before its end: a back-dated receipt revalues later issues; a later
/// count keeps its counted quantity (what it changes follows); a back-dated issue that leaves a later delivery short is
/// refused naming that delivery.
/// </summary>
public sealed class LedgerReplayTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static LedgerMovement At(int day, StockMovement movement, string number) =>
        new(Day1.AddDays(day - 1), day, movement, new StockVoucher("doc", Guid.NewGuid(), number));

    [Fact]
    public void A_back_dated_receipt_changes_the_value_of_every_later_issue()
    {
        var ledger = new List<LedgerMovement>
        {
            At(1, StockMovement.Receipt(10, 100), "PR-1"),
            At(3, StockMovement.Issue(12), "DN-1"),
            At(4, StockMovement.Receipt(10, 130), "PR-2"),
        };
        var before = LedgerReplay.Run(StockPosition.Empty, ledger, ValuationMethod.Fifo, allowNegative: true);
        Assert.Equal((-1200m, -2m), (before[1].ValueChange, before[1].After.Quantity)); // 2 owed at 100

        ledger.Insert(1, At(2, StockMovement.Receipt(5, 110), "PR-0 (back-dated)"));
        var after = LedgerReplay.Run(StockPosition.Empty, ledger, ValuationMethod.Fifo, allowNegative: false);

        Assert.Equal(-1220m, after[2].ValueChange); // 10 × 100 + 2 × 110
        Assert.Equal((3m, 330m), (after[2].After.Quantity, after[2].After.Value));
        Assert.Equal((13m, 1630m), (after[3].After.Quantity, after[3].After.Value)); // 3 × 110 + 10 × 130
    }

    [Fact]
    public void A_later_count_keeps_what_it_counted_and_its_difference_follows()
    {
        var ledger = new List<LedgerMovement>
        {
            At(1, StockMovement.Receipt(10, 100), "PR-1"),
            At(5, StockMovement.Count(8), "SC-1"),
            At(6, StockMovement.Issue(3), "DN-1"),
        };
        Assert.Equal(-2m, LedgerReplay.Run(StockPosition.Empty, ledger, ValuationMethod.MovingAverage, false)[1].QuantityChange);

        ledger.Insert(1, At(2, StockMovement.Receipt(6, 100), "PR-0"));
        var after = LedgerReplay.Run(StockPosition.Empty, ledger, ValuationMethod.MovingAverage, false);

        Assert.Equal((-8m, 8m), (after[2].QuantityChange, after[2].After.Quantity)); // 16 were there; the count still finds 8
        Assert.Equal(5m, after[3].After.Quantity);
    }

    [Fact]
    public void A_back_dated_issue_that_leaves_a_later_delivery_short_is_refused_naming_that_delivery()
    {
        var ledger = new List<LedgerMovement>
        {
            At(1, StockMovement.Receipt(10, 100), "PR-1"),
            At(2, StockMovement.Issue(4), "MI-1 (back-dated)"),
            At(3, StockMovement.Issue(8), "DN-7"),
        };

        var refused = Assert.Throws<LedgerShortageException>(() => LedgerReplay.Run(StockPosition.Empty, ledger, ValuationMethod.Fifo, false));

        Assert.Equal("DN-7", refused.At.Voucher.Number);
        Assert.Equal((6m, 8m), (refused.There, refused.Asked));
        Assert.StartsWith("DN-7 at 2026-12-03 09:00: only 6 in stock, 8 needed.", refused.Message, StringComparison.Ordinal);
    }
}
