using System.Globalization;

namespace Platform.Records.Query.Spreadsheets;

/// <summary>A value as plain text, the same in every language: dates as yyyy-MM-dd, numbers without the stored trailing zeros (20, not 20.0000).</summary>
public static class PlainText
{
    public static string Of(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.############################", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
