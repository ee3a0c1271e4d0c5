namespace Platform.Stock.Valuation;

/// <summary>How an item's stock is valued, per item (or item group) — the methods ERPNext and Odoo offer.</summary>
public enum ValuationMethod
{
    /// <summary>First in, first out: an issue takes the oldest layers' rates.</summary>
    Fifo,

    /// <summary>Moving weighted average: every receipt re-averages the rate; issues go out at it.</summary>
    MovingAverage,

    /// <summary>Last in, first out: an issue takes the newest layers' rates.</summary>
    Lifo,

    /// <summary>Specific identification: each issue names the batch (or serial number) it takes, at that batch's rate.</summary>
    Specific,
}
