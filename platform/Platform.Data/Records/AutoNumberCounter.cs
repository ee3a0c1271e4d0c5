namespace Platform.Data.Records;

/// <summary>The last number handed out for one auto-number field in one period (<c>sales_order/number/202611</c>).</summary>
public sealed class AutoNumberCounter
{
    public string Key { get; set; } = "";

    public long Last { get; set; }
}
