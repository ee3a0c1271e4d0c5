namespace Platform.Records.Query.Aggregation;

/// <summary>
/// One group as the database answers it: room for every key and for the columns of every measure (a measure takes up to three: an
/// average over amounts kept as text is its sum in units, its count and its largest size), built by expression trees, read by
/// <see cref="RecordAggregation"/>.
/// </summary>
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

    public object? M12 { get; set; }

    public object? M13 { get; set; }

    public object? M14 { get; set; }

    public object? M15 { get; set; }

    public object? M16 { get; set; }

    public object? M17 { get; set; }

    public object? M18 { get; set; }

    public object? M19 { get; set; }

    public object? M20 { get; set; }

    public object? M21 { get; set; }

    public object? M22 { get; set; }

    public object? M23 { get; set; }

    public object? M24 { get; set; }

    public object? M25 { get; set; }

    public object? M26 { get; set; }

    public object? M27 { get; set; }

    public object? M28 { get; set; }

    public object? M29 { get; set; }

    public object? M30 { get; set; }

    public object? M31 { get; set; }

    public object? M32 { get; set; }

    public object? M33 { get; set; }

    public object? M34 { get; set; }

    public object? M35 { get; set; }

    /// <summary>The columns in order, for reading.</summary>
    public object?[] Columns => [M0, M1, M2, M3, M4, M5, M6, M7, M8, M9, M10, M11, M12, M13, M14, M15, M16, M17, M18, M19, M20, M21, M22, M23, M24, M25, M26, M27, M28, M29, M30, M31, M32, M33, M34, M35];
}
