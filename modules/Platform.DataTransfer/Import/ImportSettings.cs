using System.Text.Json;

namespace Platform.DataTransfer.Import;

/// <summary>How the rows already in the entity (found by the key) are treated.</summary>
public enum ImportMode
{
    /// <summary>Only new records; a row whose key exists is a problem.</summary>
    Insert,

    /// <summary>Only existing records; a row whose key is not found is a problem.</summary>
    Update,

    /// <summary>Existing records are updated, the others created.</summary>
    Upsert,
}

/// <summary>What the person chose for an import: which column fills which field, the key that finds existing records, the mode, and whether bad rows are skipped.</summary>
public sealed record ImportSettings(Dictionary<string, string>? Mapping, IReadOnlyList<string> Key, ImportMode Mode, bool SkipBadRows)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportSettings FromJson(string json) => JsonSerializer.Deserialize<ImportSettings>(json, Json) ?? throw new JsonException("The import's settings are empty.");
}
