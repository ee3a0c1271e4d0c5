namespace Platform.Records.Aggregation;

/// <summary>
/// Database functions a grouping query calls to put a date or a moment in its bucket, as sortable text: <c>2026</c>,
/// <c>2026-Q1</c>, <c>2026-03</c>, <c>2026-03-02</c> (a week by its Monday), <c>2026-03-05</c>. Each database translates them
/// into its own date functions (the record model registers them), moments in the platform's time zone, so a report groups in
/// the database and never reads rows to do it. Called outside a query they answer the same, in .NET.
/// </summary>
public static class DateBuckets
{
    public static string? Day(DateOnly? value) => value?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string? Week(DateOnly? value) => value is { } day ? Day(day.AddDays(-(((int)day.DayOfWeek + 6) % 7))) : null;

    public static string? Month(DateOnly? value) => value?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static string? Quarter(DateOnly? value) => value is { } day ? $"{day.Year:D4}-Q{(day.Month + 2) / 3}" : null;

    public static string? Year(DateOnly? value) => value?.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string? Day(DateTimeOffset? value) => Day(Local(value));

    public static string? Week(DateTimeOffset? value) => Week(Local(value));

    public static string? Month(DateTimeOffset? value) => Month(Local(value));

    public static string? Quarter(DateTimeOffset? value) => Quarter(Local(value));

    public static string? Year(DateTimeOffset? value) => Year(Local(value));

    /// <summary>The function of <paramref name="bucket"/> for a value of <paramref name="valueType"/> (<see cref="DateOnly"/> or <see cref="DateTimeOffset"/>, nullable).</summary>
    public static System.Reflection.MethodInfo Method(DateBucket bucket, Type valueType) =>
        typeof(DateBuckets).GetMethod(bucket.ToString(), [valueType]) ?? throw new ArgumentException($"No {bucket} bucket for {valueType.Name}.", nameof(valueType));

    /// <summary>Every bucket function, for the record model to register.</summary>
    public static IEnumerable<(DateBucket Bucket, System.Reflection.MethodInfo Method, bool Moment)> All() =>
        from bucket in Enum.GetValues<DateBucket>()
        from type in new[] { typeof(DateOnly?), typeof(DateTimeOffset?) }
        select (bucket, Method(bucket, type), type == typeof(DateTimeOffset?));

    private static DateOnly? Local(DateTimeOffset? value) => value is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.Local).DateTime) : null;
}
