using Platform.Stock.Valuation;

namespace Platform.Stock.Tests;

/// <summary>
/// Valuation, one movement at a time, with the numbers worked by hand: FIFO takes the oldest layers, LIFO the newest, the moving
/// average re-averages on receipts; negative stock is refused unless allowed, and when allowed settles with the next receipt;
/// a specific batch is taken only from itself; counts set the quantity (and revalue when they name a rate).
/// </summary>
public sealed class StockValuationTests
{
    private static StockPosition Run(ValuationMethod method, bool allowNegative, params StockMovement[] movements) =>
        movements.Aggregate(StockPosition.Empty, (position, movement) => StockValuation.Apply(position, movement, method, allowNegative).After);

    private static readonly StockMovement[] TwoReceipts = [StockMovement.Receipt(10, 100), StockMovement.Receipt(10, 120)];

    [Fact]
    public void Fifo_issues_the_oldest_layers_first()
    {
        var before = Run(ValuationMethod.Fifo, false, TwoReceipts);
        Assert.Equal((20m, 2200m, 110m), (before.Quantity, before.Value, before.ValuationRate));

        var issued = StockValuation.Apply(before, StockMovement.Issue(15), ValuationMethod.Fifo, false);

        Assert.Equal(-1600m, issued.ValueChange); // 10 × 100 + 5 × 120
        Assert.Equal(106.666666667m, issued.Rate);
        Assert.Equal((5m, 600m, 120m), (issued.After.Quantity, issued.After.Value, issued.After.ValuationRate));
        Assert.Equal([new StockLayer(5, 120)], issued.After.Layers);
    }

    [Fact]
    public void Lifo_issues_the_newest_layers_first()
    {
        var issued = StockValuation.Apply(Run(ValuationMethod.Lifo, false, TwoReceipts), StockMovement.Issue(15), ValuationMethod.Lifo, false);

        Assert.Equal(-1700m, issued.ValueChange); // 10 × 120 + 5 × 100
        Assert.Equal([new StockLayer(5, 100)], issued.After.Layers);
        Assert.Equal(500m, issued.After.Value);
    }

    [Fact]
    public void A_moving_average_re_averages_on_receipts_and_issues_at_the_average()
    {
        var before = Run(ValuationMethod.MovingAverage, false, TwoReceipts);
        Assert.Equal((2200m, 110m), (before.Value, before.ValuationRate));

        var issued = StockValuation.Apply(before, StockMovement.Issue(15), ValuationMethod.MovingAverage, false);
        Assert.Equal((-1650m, 110m), (issued.ValueChange, issued.Rate));
        Assert.Equal((5m, 550m), (issued.After.Quantity, issued.After.Value));

        var received = StockValuation.Apply(issued.After, StockMovement.Receipt(5, 140), ValuationMethod.MovingAverage, false);
        Assert.Equal((10m, 1250m, 125m), (received.After.Quantity, received.After.Value, received.After.ValuationRate)); // (550 + 700) / 10
    }

    [Fact]
    public void A_moving_average_keeps_six_decimals_of_rate_and_leaves_no_value_behind_when_the_stock_is_gone()
    {
        var third = Run(ValuationMethod.MovingAverage, false, StockMovement.Receipt(1, 1), StockMovement.Receipt(2, 2));
        Assert.Equal((5m, 1.666666667m), (third.Value, third.ValuationRate));

        var one = StockValuation.Apply(third, StockMovement.Issue(1), ValuationMethod.MovingAverage, false).After;
        Assert.Equal(3.3333m, one.Value); // 5 − 1.666667, to 4 decimals
        var none = StockValuation.Apply(one, StockMovement.Issue(2), ValuationMethod.MovingAverage, false);
        Assert.Equal((0m, 0m, -3.3333m), (none.After.Quantity, none.After.Value, none.ValueChange));
    }

    [Theory]
    [InlineData(ValuationMethod.Fifo)]
    [InlineData(ValuationMethod.Lifo)]
    [InlineData(ValuationMethod.MovingAverage)]
    public void Issuing_more_than_is_there_is_refused_unless_negative_stock_is_allowed(ValuationMethod method)
    {
        var five = Run(method, false, StockMovement.Receipt(5, 100));

        var refused = Assert.Throws<StockShortageException>(() => StockValuation.Apply(five, StockMovement.Issue(8), method, allowNegative: false));

        Assert.Equal("Only 5 in stock; 8 asked for.", refused.Message);
        Assert.Equal(3m, refused.ShortBy);
    }

    [Fact]
    public void Fifo_with_negative_stock_owes_the_shortfall_at_the_last_rate_and_the_next_receipt_settles_it()
    {
        var owed = StockValuation.Apply(Run(ValuationMethod.Fifo, true, StockMovement.Receipt(5, 100)), StockMovement.Issue(8), ValuationMethod.Fifo, true);
        Assert.Equal((-800m, -3m, -300m), (owed.ValueChange, owed.After.Quantity, owed.After.Value));
        Assert.Equal([new StockLayer(-3, 100)], owed.After.Layers);

        var settled = StockValuation.Apply(owed.After, StockMovement.Receipt(10, 120), ValuationMethod.Fifo, true);

        Assert.Equal([new StockLayer(7, 120)], settled.After.Layers);
        Assert.Equal((7m, 840m), (settled.After.Quantity, settled.After.Value));
        Assert.Equal(1140m, settled.ValueChange); // 1,200 received, less the 60 the three went out too cheap
    }

    [Fact]
    public void A_negative_moving_average_restarts_at_the_rate_of_the_receipt_that_brings_it_back()
    {
        var owed = StockValuation.Apply(Run(ValuationMethod.MovingAverage, true, StockMovement.Receipt(5, 100)), StockMovement.Issue(8), ValuationMethod.MovingAverage, true);
        Assert.Equal((-3m, -300m, 100m), (owed.After.Quantity, owed.After.Value, owed.After.ValuationRate));

        var back = StockValuation.Apply(owed.After, StockMovement.Receipt(10, 120), ValuationMethod.MovingAverage, true);

        Assert.Equal((7m, 840m, 120m), (back.After.Quantity, back.After.Value, back.After.ValuationRate));
    }

    [Fact]
    public void A_specific_batch_is_issued_at_its_own_rate_and_never_beyond_itself()
    {
        var two = Run(ValuationMethod.Specific, false, StockMovement.Receipt(5, 100, "A"), StockMovement.Receipt(5, 130, "B"));

        var fromB = StockValuation.Apply(two, StockMovement.Issue(3, "B"), ValuationMethod.Specific, false);
        Assert.Equal((-390m, 130m), (fromB.ValueChange, fromB.Rate));
        Assert.Equal([new StockLayer(5, 100, "A"), new StockLayer(2, 130, "B")], fromB.After.Layers);

        var tooMany = Assert.Throws<StockShortageException>(() => StockValuation.Apply(fromB.After, StockMovement.Issue(3, "B"), ValuationMethod.Specific, allowNegative: true));
        Assert.Equal("Only 2 of batch B in stock; 3 asked for.", tooMany.Message);
    }

    [Fact]
    public void A_count_with_a_rate_revalues_the_whole_stock()
    {
        var counted = StockValuation.Apply(Run(ValuationMethod.Fifo, false, TwoReceipts), StockMovement.Count(12, 115), ValuationMethod.Fifo, false);

        Assert.Equal((-8m, -820m), (counted.QuantityChange, counted.ValueChange)); // 12 × 115 = 1,380 where 2,200 was
        Assert.Equal([new StockLayer(12, 115)], counted.After.Layers);
    }

    [Fact]
    public void A_count_without_a_rate_adds_at_the_valuation_rate_or_issues_by_the_method()
    {
        var twenty = Run(ValuationMethod.Fifo, false, TwoReceipts);

        var more = StockValuation.Apply(twenty, StockMovement.Count(25), ValuationMethod.Fifo, false);
        Assert.Equal((5m, 550m, 2750m), (more.QuantityChange, more.ValueChange, more.After.Value)); // 5 found, at 110

        var fewer = StockValuation.Apply(twenty, StockMovement.Count(4), ValuationMethod.Fifo, false);
        Assert.Equal((-16m, -1720m, 480m), (fewer.QuantityChange, fewer.ValueChange, fewer.After.Value)); // 10 × 100 + 6 × 120 gone

        Assert.Throws<ArgumentOutOfRangeException>(() => StockValuation.Apply(twenty, StockMovement.Count(-1), ValuationMethod.Fifo, false));
    }

    [Fact]
    public void A_free_receipt_halves_the_average_and_a_return_without_a_rate_comes_back_at_the_valuation_rate()
    {
        var gift = Run(ValuationMethod.MovingAverage, false, StockMovement.Receipt(10, 100), StockMovement.Receipt(10, 0));
        Assert.Equal((1000m, 50m), (gift.Value, gift.ValuationRate));

        var returned = StockValuation.Apply(gift, StockMovement.Receipt(2, null), ValuationMethod.MovingAverage, false);
        Assert.Equal((100m, 50m), (returned.ValueChange, returned.After.ValuationRate));
    }
}
