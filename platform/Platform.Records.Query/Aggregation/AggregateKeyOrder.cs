namespace Platform.Records.Query.Aggregation;

/// <summary>The order of groups: key by key, values of one kind in their natural order, empty values last.</summary>
public static class AggregateKeyOrder
{
    public static int Compare(IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var order = (a[i], b[i]) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                (string x, string y) => string.CompareOrdinal(x, y),
                (IComparable x, var y) when x.GetType() == y.GetType() => x.CompareTo(y),
                var (x, y) => string.CompareOrdinal(x.ToString(), y.ToString()),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return a.Count.CompareTo(b.Count);
    }
}
