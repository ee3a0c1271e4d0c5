namespace Platform.Stock.Valuation;

/// <summary>
/// Values one movement of one item in one warehouse from the stock before it — the step the ledger repeats for every entry,
/// and again for every later entry when an earlier one changes. Rates are kept to 9 decimals (a transfer's value arrives whole), values to 4, so that valuing
/// a stored position again gives the same numbers. With negative stock allowed, an issue beyond what is there leaves a
/// negative layer at the last rate seen, which the next receipt fills (the difference corrects the value: ERPNext's
/// behaviour); a moving average goes negative at its rate and restarts at the rate of the receipt that brings it back.
/// </summary>
public static class StockValuation
{
    public const int RateDecimals = 9;
    public const int ValueDecimals = 4;

    public static StockOutcome Apply(StockPosition before, StockMovement movement, ValuationMethod method, bool allowNegative)
    {
        if (movement.CountedQuantity is { } counted)
        {
            return Count(before, counted, movement.IncomingRate, method);
        }

        return movement.Quantity switch
        {
            > 0 => Receive(before, movement.Quantity, movement.IncomingRate ?? before.ValuationRate, movement.Batch, method),
            < 0 => Issue(before, -movement.Quantity, movement.Batch, method, allowNegative),
            _ => new StockOutcome(before, 0m, 0m, before.ValuationRate),
        };
    }

    private static StockOutcome Receive(StockPosition before, decimal quantity, decimal rate, string? batch, ValuationMethod method)
    {
        rate = Rate(rate);
        var after = before.Quantity + quantity;
        if (method == ValuationMethod.MovingAverage)
        {
            var (value, average) = before.Quantity >= 0 && after > 0
                ? (Value(before.Value + quantity * rate), Rate((before.Value + quantity * rate) / after))
                : (Value(after * rate), rate);
            return Outcome(before, new StockPosition(after, value, average, []), quantity, rate);
        }

        var layers = before.Layers.ToList();
        if (layers is [{ Quantity: < 0 } owed])
        {
            // Stock issued before it arrived: this receipt settles it first.
            var net = owed.Quantity + quantity;
            layers = net > 0 ? [new StockLayer(net, rate, batch)] : net == 0 ? [] : [owed with { Quantity = net }];
        }
        else if (layers.Count > 0 && layers[^1].Rate == rate && layers[^1].Batch == batch)
        {
            layers[^1] = layers[^1] with { Quantity = layers[^1].Quantity + quantity };
        }
        else
        {
            layers.Add(new StockLayer(quantity, rate, batch));
        }

        return Outcome(before, Layered(after, layers, rate), quantity, rate);
    }

    private static StockOutcome Issue(StockPosition before, decimal quantity, string? batch, ValuationMethod method, bool allowNegative)
    {
        var after = before.Quantity - quantity;
        if (method == ValuationMethod.MovingAverage)
        {
            if (after < 0 && !allowNegative)
            {
                throw Short(before.Quantity, quantity, null);
            }

            var rate = before.ValuationRate;
            var value = after == 0 ? 0m : after < 0 ? Value(after * rate) : Value(before.Value - quantity * rate);
            return Outcome(before, new StockPosition(after, value, rate, []), -quantity, rate);
        }

        var layers = before.Layers.ToList();
        var order = Enumerable.Range(0, layers.Count).Where(i => layers[i].Quantity > 0 && (batch is null || layers[i].Batch == batch)).ToList();
        if (method == ValuationMethod.Lifo)
        {
            order.Reverse();
        }

        var available = order.Sum(i => layers[i].Quantity);
        if (quantity > available && (batch is not null || !allowNegative))
        {
            throw Short(batch is null ? before.Quantity : available, quantity, batch);
        }

        var remaining = quantity;
        var lastRate = before.ValuationRate;
        foreach (var i in order)
        {
            if (remaining == 0)
            {
                break;
            }

            var taken = Math.Min(remaining, layers[i].Quantity);
            layers[i] = layers[i] with { Quantity = layers[i].Quantity - taken };
            (remaining, lastRate) = (remaining - taken, layers[i].Rate);
        }

        layers.RemoveAll(l => l.Quantity == 0);
        if (remaining > 0)
        {
            // Negative stock: what was not there is owed, at the last rate seen.
            layers = layers is [{ Quantity: < 0 } owed] ? [owed with { Quantity = owed.Quantity - remaining }] : [new StockLayer(-remaining, lastRate)];
        }

        var position = Layered(after, layers, lastRate);
        return Outcome(before, position, -quantity, Rate((before.Value - position.Value) / quantity));
    }

    private static StockOutcome Count(StockPosition before, decimal counted, decimal? rate, ValuationMethod method)
    {
        if (counted < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(counted), counted, "A count finds zero or more.");
        }

        if (rate is { } revalued)
        {
            revalued = Rate(revalued);
            var position = method == ValuationMethod.MovingAverage
                ? new StockPosition(counted, Value(counted * revalued), revalued, [])
                : Layered(counted, counted > 0 ? [new StockLayer(counted, revalued)] : [], revalued);
            return Outcome(before, position, counted - before.Quantity, revalued);
        }

        var difference = counted - before.Quantity;
        return difference switch
        {
            > 0 => Receive(before, difference, before.ValuationRate, null, method),
            < 0 => Issue(before, -difference, null, method, allowNegative: true),
            _ => new StockOutcome(before, 0m, 0m, before.ValuationRate),
        };
    }

    private static StockPosition Layered(decimal quantity, List<StockLayer> layers, decimal lastRate)
    {
        var value = Value(layers.Sum(l => l.Value));
        return new StockPosition(quantity, value, quantity > 0 ? Rate(value / quantity) : lastRate, layers);
    }

    private static StockOutcome Outcome(StockPosition before, StockPosition after, decimal quantityChange, decimal rate) =>
        new(after, quantityChange, after.Value - before.Value, rate);

    private static StockShortageException Short(decimal there, decimal asked, string? batch) =>
        new(batch is null
                ? $"Only {there:0.######} in stock; {asked:0.######} asked for."
                : $"Only {there:0.######} of batch {batch} in stock; {asked:0.######} asked for.",
            asked - Math.Max(there, 0m), batch);

    public static decimal Rate(decimal rate) => Math.Round(rate, RateDecimals, MidpointRounding.AwayFromZero);

    public static decimal Value(decimal value) => Math.Round(value, ValueDecimals, MidpointRounding.AwayFromZero);
}
