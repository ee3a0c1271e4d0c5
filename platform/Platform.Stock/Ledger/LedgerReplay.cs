using Platform.Stock.Valuation;

namespace Platform.Stock.Ledger;

/// <summary>
/// Values movements of one item × warehouse in ledger order from the position before the first — a new posting and every
/// later entry it moves (a back-dated receipt, a cancelled delivery). A later count keeps its counted quantity, so the
/// difference it records changes instead of the balances after it. The first movement that cannot be valued stops the run.
/// </summary>
public static class LedgerReplay
{
    public static IReadOnlyList<StockOutcome> Run(StockPosition start, IEnumerable<LedgerMovement> movements, ValuationMethod method, bool allowNegative)
    {
        var outcomes = new List<StockOutcome>();
        var position = start;
        foreach (var movement in movements)
        {
            StockOutcome outcome;
            try
            {
                outcome = StockValuation.Apply(position, movement.Movement, method, allowNegative);
            }
            catch (StockShortageException shortage)
            {
                var asked = -movement.Movement.Quantity;
                throw new LedgerShortageException(movement, shortage.Batch is null ? position.Quantity : asked - shortage.ShortBy, asked, shortage.Batch);
            }

            outcomes.Add(outcome);
            position = outcome.After;
        }

        return outcomes;
    }
}
