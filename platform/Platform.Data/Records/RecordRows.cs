using System.Globalization;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

/// <summary>
/// A stored row as the platform hands it out — to callers, scripts, handlers and the audit trail:
/// the system fields, the values of live fields (multi-choice as lists, files described), and each
/// value as invariant text.
/// </summary>
internal static class RecordRows
{
    public static Dictionary<string, object?> Present(EntityDefinition entity, Dictionary<string, object> row)
    {
        var record = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var name in SystemFields.All)
        {
            record[name] = row.GetValueOrDefault(name);
        }

        if (row.TryGetValue(SystemFields.ParentId, out var parentId))
        {
            record[SystemFields.ParentId] = parentId;
            record[SystemFields.LineNumber] = row.GetValueOrDefault(SystemFields.LineNumber);
        }

        foreach (var field in entity.LiveFields.Where(f => f.Column is not null))
        {
            var value = row.GetValueOrDefault(field.Name);
            record[field.Name] = field.Type == FieldTypes.MultiChoice.Name ? ((string?)value)?.Split(',') ?? []
                : FieldTypes.Find(field.Type)!.HoldsFiles ? FilesOf((string?)value)
                : value;
        }

        return record;
    }

    /// <summary>The stored descriptions of a field's files as a list (id, name, size, content type).</summary>
    public static List<Dictionary<string, object?>> FilesOf(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return [];
        }

        using var json = System.Text.Json.JsonDocument.Parse(stored);
        return json.RootElement.EnumerateArray().Select(f => new Dictionary<string, object?>
        {
            ["id"] = f.GetProperty("id").GetGuid(),
            ["name"] = f.GetProperty("name").GetString(),
            ["size"] = f.GetProperty("size").GetInt64(),
            ["contentType"] = f.GetProperty("contentType").GetString(),
        }).ToList();
    }

    /// <summary>A value as text that reads the same in every culture: the audit trail's and the unique-key message's form.</summary>
    public static string? Invariant(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        decimal d => d.ToString("G29", CultureInfo.InvariantCulture), // 10.0000 from the column and 10 from the form are one value
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
