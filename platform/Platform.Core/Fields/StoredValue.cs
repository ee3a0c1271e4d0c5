using System.Globalization;
using System.Text.Json;
using Platform.Core.Metadata;

namespace Platform.Core.Fields;

/// <summary>
/// Values as their columns store them: what a JSON or CLR input reads as for each column type, and
/// the limits every kind shares (length, pattern, decimals, range). Decimals are read from the JSON
/// text, never through double, so money keeps its digits.
/// </summary>
public static class StoredValue
{
    public static object? Read(Type clrType, object input) => clrType switch
    {
        _ when clrType == typeof(string) => AsText(input),
        _ when clrType == typeof(long) => AsWholeNumber(input),
        _ when clrType == typeof(decimal) => AsDecimal(input),
        _ when clrType == typeof(DateOnly) => AsDate(input),
        _ when clrType == typeof(DateTimeOffset) => AsDateTime(input),
        _ when clrType == typeof(bool) => AsYesNo(input),
        _ when clrType == typeof(Guid) => AsId(input),
        _ => null,
    };

    /// <summary>
    /// A value the platform itself wrote as invariant text (the audit trail, a saved view's condition)
    /// read back as its column type; yes/no is written <c>true</c>/<c>false</c> there, which a value
    /// typed in never is. Null when the text does not read.
    /// </summary>
    public static object? ReadInvariant(Type clrType, string text) =>
        clrType == typeof(bool) ? (bool.TryParse(text, out var yes) ? yes : null) : Read(clrType, text);

    public static FieldProblem? CheckLimits(FieldDefinition field, FieldType type, object value)
    {
        switch (value)
        {
            case string text:
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    return new FieldProblem("FieldTypes.Value.NulCharacter");
                }

                if (text.Length > (field.MaxLength ?? type.DefaultMaxLength ?? int.MaxValue))
                {
                    return new FieldProblem("FieldTypes.Value.TooLong", field.MaxLength ?? type.DefaultMaxLength!);
                }

                if (field.Pattern is { } pattern && FieldPattern.Matches(pattern, text) is var matched && matched is not true)
                {
                    return matched is null ? new FieldProblem("FieldTypes.Value.PatternTooSlow") : new FieldProblem("FieldTypes.Value.PatternMismatch");
                }

                return null;
            case decimal number:
                var scale = field.Scale ?? type.DefaultScale ?? 4;
                var precision = field.Precision ?? type.DefaultPrecision ?? 18;
                if (number.Scale > scale && decimal.Round(number, scale) != number)
                {
                    return new FieldProblem("FieldTypes.Value.TooManyDecimals", scale);
                }

                if (Math.Abs(decimal.Truncate(number)).ToString(CultureInfo.InvariantCulture).TrimStart('0').Length > precision - scale)
                {
                    return new FieldProblem("FieldTypes.Value.TooLarge");
                }

                return Range(field, number);
            case long whole:
                return Range(field, whole);
            default:
                return null;
        }
    }

    private static FieldProblem? Range(FieldDefinition field, decimal number) =>
        number < field.Min ? new FieldProblem("FieldTypes.Value.BelowMin", field.Min)
        : number > field.Max ? new FieldProblem("FieldTypes.Value.AboveMax", field.Max)
        : null;

    private static string? AsText(object input) => input switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        _ => null,
    };

    private static object? AsWholeNumber(object input) => input switch
    {
        long l => l,
        int i => (long)i,
        decimal d when d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
        JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var l) => l,
        JsonElement { ValueKind: JsonValueKind.String } e when long.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    private static object? AsDecimal(object input) => input switch
    {
        decimal d => d,
        long l => (decimal)l,
        int i => (decimal)i,
        JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetDecimal(out var d) => d,
        JsonElement { ValueKind: JsonValueKind.String } e when decimal.TryParse(e.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static object? AsDate(object input) => (input is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : input) switch
    {
        DateOnly d => d,
        DateTimeOffset d => DateOnly.FromDateTime(d.UtcDateTime), // a rule's Date at midnight UTC
        DateTime dt => DateOnly.FromDateTime(dt),
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };

    private static object? AsDateTime(object input) => (input is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : input) switch
    {
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind)).ToUniversalTime(),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) => d.ToUniversalTime(),
        _ => null,
    };

    private static object? AsId(object input) => (input is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : input) switch
    {
        Guid g => g,
        string s when Guid.TryParse(s, out var g) => g,
        _ => null,
    };

    private static object? AsYesNo(object input) => input switch
    {
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };
}
