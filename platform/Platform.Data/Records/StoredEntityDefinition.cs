namespace Platform.Data.Records;

/// <summary>The current definition of one entity, as its JSON document, with a version counting its changes.</summary>
public sealed class StoredEntityDefinition
{
    /// <summary>The entity's API name in lower case: names are unique regardless of case.</summary>
    public string Key { get; set; } = "";

    public string Document { get; set; } = "";

    public int Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
