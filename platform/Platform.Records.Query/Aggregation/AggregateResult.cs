namespace Platform.Records.Query.Aggregation;

/// <summary>One group as the database answers it: room for every key and measure (built by expression trees, read by <see cref="RecordAggregation"/>).</summary>
public sealed class AggregateResult
{
    public object? K0 { get; set; }

    public object? K1 { get; set; }

    public object? K2 { get; set; }

    public object? K3 { get; set; }

    public object? M0 { get; set; }

    public object? M1 { get; set; }

    public object? M2 { get; set; }

    public object? M3 { get; set; }

    public object? M4 { get; set; }

    public object? M5 { get; set; }

    public object? M6 { get; set; }

    public object? M7 { get; set; }

    public object? M8 { get; set; }

    public object? M9 { get; set; }

    public object? M10 { get; set; }

    public object? M11 { get; set; }
}
