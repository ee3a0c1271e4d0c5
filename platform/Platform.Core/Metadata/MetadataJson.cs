using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Platform.Core.Metadata;

/// <summary>The JSON form of metadata documents: camelCase, defaults left out, Chinese kept readable.</summary>
public static class MetadataJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault, // leaves out nulls and false/0 defaults
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Write(EntityDefinition entity) => JsonSerializer.Serialize(entity, Options);

    public static EntityDefinition Read(string json) =>
        JsonSerializer.Deserialize<EntityDefinition>(json, Options) ?? throw new JsonException("The document is empty (null).");

    /// <summary>A deep copy, so a proposed change never aliases the stored definition.</summary>
    public static EntityDefinition Copy(EntityDefinition entity) => Read(Write(entity));
}
