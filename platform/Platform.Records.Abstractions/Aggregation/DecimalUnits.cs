namespace Platform.Records.Aggregation;

/// <summary>
/// Database functions for adding up decimals where the database keeps them as text (SQLite): an amount as a whole number of its
/// smallest unit (¥12.34 at four decimals is 123400), which the database adds exactly and fast with its own <c>SUM</c>, and an
/// amount's size, to tell when a whole number of units could lose a digit on the way (then the sum is worked out as decimals).
/// The record model registers them; called outside a query they answer the same, in .NET.
/// </summary>
public static class DecimalUnits
{
    /// <summary>Sizes below this many units are read from text to a whole number without losing one (a double holds 2^53 exactly).</summary>
    public const double Exact = 1e15;

    public static long? Units(decimal? value, long unit) => value is { } amount ? (long)decimal.Round(amount * unit, MidpointRounding.AwayFromZero) : null;

    public static double? Size(decimal? value) => value is { } amount ? (double)Math.Abs(amount) : null;

    /// <summary>How many units make one for a field with <paramref name="scale"/> decimals (at least four: values saved before a scale was lowered keep theirs).</summary>
    public static long UnitOf(int scale) => (long)Math.Pow(10, Math.Clamp(scale, 4, 8));

    public static System.Reflection.MethodInfo UnitsMethod { get; } = typeof(DecimalUnits).GetMethod(nameof(Units))!;

    public static System.Reflection.MethodInfo SizeMethod { get; } = typeof(DecimalUnits).GetMethod(nameof(Size))!;
}
