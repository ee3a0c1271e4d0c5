namespace Platform.Records.Query.Aggregation;

// The key of a grouping query in LINQ, so EF Core translates it to GROUP BY: one type per number of groups (a member per
// group), the same type in four arities. Built by expression trees only.

/// <summary>The key of a query grouped by one field.</summary>
public sealed class AggregateKey<T0>
{
    public T0 K0 { get; set; } = default!;
}

/// <summary>The key of a query grouped by two fields.</summary>
public sealed class AggregateKey<T0, T1>
{
    public T0 K0 { get; set; } = default!;

    public T1 K1 { get; set; } = default!;
}

/// <summary>The key of a query grouped by three fields.</summary>
public sealed class AggregateKey<T0, T1, T2>
{
    public T0 K0 { get; set; } = default!;

    public T1 K1 { get; set; } = default!;

    public T2 K2 { get; set; } = default!;
}

/// <summary>The key of a query grouped by four fields.</summary>
public sealed class AggregateKey<T0, T1, T2, T3>
{
    public T0 K0 { get; set; } = default!;

    public T1 K1 { get; set; } = default!;

    public T2 K2 { get; set; } = default!;

    public T3 K3 { get; set; } = default!;
}
