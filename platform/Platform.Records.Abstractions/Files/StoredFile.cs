namespace Platform.Records.Files;

/// <summary>
/// A file a user uploaded (a contract scan, a product photo): its description here, its bytes in the
/// files folder or the database. Once a record's attachment or image field holds it, it belongs to that record and is
/// as readable as the record.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Where the bytes are, relative to the files folder (empty when they are in the database).</summary>
    public string Path { get; set; } = "";

    /// <summary>Which store holds the bytes: "disk" (the files folder) or "database".</summary>
    public string Store { get; set; } = "disk";

    public DateTimeOffset UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";

    /// <summary>The entity, record and field holding the file; null until a record is saved with it.</summary>
    public string? EntityKey { get; set; }

    public Guid? RecordId { get; set; }

    public string? FieldName { get; set; }

    /// <summary>True for the image types recognised from the bytes when the file was stored.</summary>
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
