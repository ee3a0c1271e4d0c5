using System.Globalization;

namespace Platform.Stock.Posting;

/// <summary>Values of records as the ledger reads them, whatever form the row holds them in.</summary>
internal static class StockValues
{
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    public static decimal? Number(object? value) => value switch
    {
        null => null,
        decimal d => d,
        int or long or short => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 1e20 => (decimal)d,
        float f when !float.IsNaN(f) && !float.IsInfinity(f) && Math.Abs(f) < 1e20 => (decimal)f,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static Guid? Id(object? value) => value switch
    {
        Guid g => g,
        string s when Guid.TryParse(s, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>When a document says it happened: a date at the start of its day, a date and time in UTC.</summary>
    public static DateTime? Moment(object? value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        DateTime t => t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime(),
        DateTimeOffset o => o.UtcDateTime,
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var o) => o.UtcDateTime,
        _ => null,
    };
}
