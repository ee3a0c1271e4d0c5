namespace Platform.Core.Metadata.Stock;

/// <summary>
/// Which fields of an item record the ledger reads: its code (the API's <c>item=</c>), how it is valued, whether its stock may go
/// negative, its stock unit, and the other units it is counted in with their factors (a box = 24) as line items.
/// </summary>
public sealed class StockItemSettings
{
    public string Code { get; set; } = "";

    /// <summary>A choice field whose values are <see cref="StockValuationNames"/>; empty on a record: <see cref="DefaultValuation"/>.</summary>
    public string? Valuation { get; set; }

    public string DefaultValuation { get; set; } = StockValuationNames.Fifo;

    /// <summary>A boolean (yes/no) field: this item's stock may go negative (ERPNext's allow negative stock).</summary>
    public string? AllowNegative { get; set; }

    /// <summary>A text or choice field naming the unit stock is kept in (个, pcs).</summary>
    public string? StockUnit { get; set; }

    /// <summary>A line-items field listing the other units: <see cref="UnitName"/> and <see cref="UnitFactor"/> (stock units in one).</summary>
    public string? Units { get; set; }

    public string UnitName { get; set; } = "unit";

    public string UnitFactor { get; set; } = "factor";

    /// <summary>Per warehouse, the level below which the item is ordered again and how much (see <see cref="StockReorder"/>).</summary>
    public StockReorder? Reorder { get; set; }
}

/// <summary>The valuation methods as item records name them.</summary>
public static class StockValuationNames
{
    public const string Fifo = "fifo";
    public const string MovingAverage = "movingAverage";
    public const string Lifo = "lifo";
    public const string Specific = "specific";

    public static IReadOnlyList<string> All { get; } = [Fifo, MovingAverage, Lifo, Specific];
}
