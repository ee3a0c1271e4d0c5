namespace Platform.Core.Metadata.Stock;

/// <summary>Which fields of a warehouse record the ledger reads: its code (the API's <c>warehouse=</c>), whether stock in it may go negative, and the branch it belongs to.</summary>
public sealed class StockWarehouseSettings
{
    public string Code { get; set; } = "";

    public string? AllowNegative { get; set; }

    /// <summary>A lookup (or text) field: the branch (分公司) the warehouse's stock is valued and reported under.</summary>
    public string? Branch { get; set; }
}
