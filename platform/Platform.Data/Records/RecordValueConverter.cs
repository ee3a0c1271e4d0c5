using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

/// <summary>
/// Turns incoming values (JSON or CLR) into the stored type of a field and checks the field's
/// constraints. Decimals are read from the JSON text, never through double, so money keeps its digits.
/// </summary>
public sealed partial class RecordValueConverter(IStringLocalizer localizer)
{
    public bool TryConvert(FieldDefinition field, object? input, out object? value, out string? error)
    {
        value = null;
        error = null;
        var type = FieldTypes.StorageOf(field);
        if (input is JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } || input is null || input is string { Length: 0 })
        {
            return true;
        }

        if (type.HoldsFiles)
        {
            var files = AsFileIds(input);
            value = files;
            if (files is null)
            {
                error = localizer[$"Records.Error.Not.{type.Name}"];
            }
            else if (files.Ids.Count > Files.FileIds.MaxFiles)
            {
                error = localizer["Records.Error.TooManyFiles", Files.FileIds.MaxFiles];
            }

            return error is null;
        }

        if (type == FieldTypes.MultiChoice)
        {
            value = AsChoices(field, input, out error);
            return error is null;
        }

        value = type.ClrType switch
        {
            _ when type.ClrType == typeof(string) => AsText(input),
            _ when type.ClrType == typeof(long) => AsWholeNumber(input),
            _ when type.ClrType == typeof(decimal) => AsDecimal(input),
            _ when type.ClrType == typeof(DateOnly) => AsDate(input),
            _ when type.ClrType == typeof(DateTimeOffset) => AsDateTime(input),
            _ when type.ClrType == typeof(bool) => AsYesNo(input),
            _ when type.ClrType == typeof(Guid) => AsId(input),
            _ => null,
        };
        if (value is null)
        {
            error = localizer[$"Records.Error.Not.{type.Name}"];
            return false;
        }

        error = Check(field, type, value);
        return error is null;
    }

    private string? Check(FieldDefinition field, FieldType type, object value)
    {
        switch (value)
        {
            case string text:
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    return localizer["Records.Error.NulCharacter"];
                }

                if (text.Length > (field.MaxLength ?? type.DefaultMaxLength ?? int.MaxValue))
                {
                    return localizer["Records.Error.TooLong", field.MaxLength ?? type.DefaultMaxLength!];
                }

                if (type == FieldTypes.Choice && field.Choices?.Any(c => c.Value == text) != true)
                {
                    return localizer["Records.Error.NotAChoice", text];
                }

                if (type == FieldTypes.Email && !EmailShape().IsMatch(text))
                {
                    return localizer["Records.Error.BadEmail"];
                }

                if (type == FieldTypes.Url && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
                {
                    return localizer["Records.Error.BadUrl"];
                }

                if (type == FieldTypes.Phone && !PhoneShape().IsMatch(text))
                {
                    return localizer["Records.Error.BadPhone"];
                }

                if (field.Pattern is { } pattern && FieldPattern.Matches(pattern, text) is var matched && matched is not true)
                {
                    return matched is null ? localizer["Records.Error.PatternTooSlow"] : localizer["Records.Error.PatternMismatch"];
                }

                return null;
            case decimal number:
                var scale = field.Scale ?? type.DefaultScale ?? 4;
                var precision = field.Precision ?? type.DefaultPrecision ?? 18;
                if (number.Scale > scale && decimal.Round(number, scale) != number)
                {
                    return localizer["Records.Error.TooManyDecimals", scale];
                }

                if (Math.Abs(decimal.Truncate(number)).ToString(CultureInfo.InvariantCulture).TrimStart('0').Length > precision - scale)
                {
                    return localizer["Records.Error.TooLarge"];
                }

                return Range(field, number);
            case long whole:
                return Range(field, whole);
            default:
                return null;
        }
    }

    private string? Range(FieldDefinition field, decimal number) =>
        number < field.Min ? localizer["Records.Error.BelowMin", field.Min].Value
        : number > field.Max ? localizer["Records.Error.AboveMax", field.Max].Value
        : null;

    /// <summary>
    /// Multi-choice values arrive as a list (or one comma-separated text) and are stored as the
    /// chosen values in the order of the choice list, comma-separated: one value, one spelling.
    /// </summary>
    private string? AsChoices(FieldDefinition field, object input, out string? error)
    {
        error = null;
        IEnumerable<string?>? given = input switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array when array.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                array.EnumerateArray().Select(e => e.GetString()),
            JsonElement { ValueKind: JsonValueKind.String } text => text.GetString()!.Split(','),
            string text => text.Split(','),
            IEnumerable<string> list => list,
            _ => null,
        };
        if (given is null)
        {
            error = localizer["Records.Error.Not.multiChoice"];
            return null;
        }

        var chosen = given.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).ToHashSet(StringComparer.Ordinal);
        if (chosen.FirstOrDefault(v => field.Choices?.Any(c => c.Value == v) != true) is { } unknown)
        {
            error = localizer["Records.Error.NotAChoice", unknown];
            return null;
        }

        var stored = string.Join(",", field.Choices!.Where(c => chosen.Contains(c.Value)).Select(c => c.Value));
        if (stored.Length > (field.MaxLength ?? FieldTypes.MultiChoice.DefaultMaxLength))
        {
            error = localizer["Records.Error.TooLong", field.MaxLength ?? FieldTypes.MultiChoice.DefaultMaxLength!];
            return null;
        }

        return stored.Length == 0 ? null : stored;
    }

    /// <summary>Files as a list of ids, or of file descriptions as read back (objects with an id).</summary>
    private static Files.FileIds? AsFileIds(object input)
    {
        var ids = new List<Guid>();
        IEnumerable<object?> items = input switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => (object?)e),
            Files.FileIds given => given.Ids.Cast<object?>(),
            System.Collections.IEnumerable list and not string => list.Cast<object?>(),
            _ => [null],
        };
        foreach (var item in items)
        {
            Guid? id = item switch
            {
                Guid g => g,
                string s when Guid.TryParse(s, out var g) => g,
                JsonElement { ValueKind: JsonValueKind.String } e when Guid.TryParse(e.GetString(), out var g) => g,
                JsonElement { ValueKind: JsonValueKind.Object } e when e.TryGetProperty("id", out var p) && Guid.TryParse(p.GetString(), out var g) => g,
                IReadOnlyDictionary<string, object?> d when d.GetValueOrDefault("id") is { } v && Guid.TryParse(v.ToString(), out var g) => g,
                _ => null,
            };
            if (id is null)
            {
                return null;
            }

            if (!ids.Contains(id.Value))
            {
                ids.Add(id.Value);
            }
        }

        return new Files.FileIds(ids);
    }

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

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[0-9()\-\s]{3,49}$")]
    private static partial Regex PhoneShape();
}
