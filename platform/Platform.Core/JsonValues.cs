using System.Text.Json;

namespace Platform.Core;

/// <summary>JSON as plain values (workflow variables, values checked for duplicates): numbers as decimals (exact money), texts, yes/no, lists and objects; null for JSON null.</summary>
public static class JsonValues
{
    public static object? Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetDecimal(out var d) ? d : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(Read).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Read(p.Value), StringComparer.Ordinal),
        _ => null,
    };

    /// <summary>The members of a JSON object as variables (empty for anything but an object).</summary>
    public static Dictionary<string, object?> ReadObject(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().ToDictionary(p => p.Name, p => Read(p.Value), StringComparer.Ordinal)
            : [];
}
