namespace Platform.Records;

/// <summary>The permission to define entities by name, so the designer, the metadata API and the record pages (who may share a view with everyone) use one symbol.</summary>
public static class SchemaPermissionNames
{
    /// <summary>Define entities and fields, and share list views with everyone.</summary>
    public const string Manage = "Entities.Metadata.Manage";
}
