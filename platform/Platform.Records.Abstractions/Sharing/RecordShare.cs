namespace Platform.Records.Sharing;

/// <summary>
/// One record shared with one person or one department (everyone in it), to read or to read and change: on top of what their
/// roles' scopes reach. Never more than their roles allow on the entity — a share widens which records, not which rights.
/// </summary>
public sealed class RecordShare
{
    public long Id { get; set; }

    /// <summary>The entity, lower-case, as the audit trail keys it.</summary>
    public string EntityKey { get; set; } = "";

    public Guid RecordId { get; set; }

    /// <summary>The person it is shared with; null when shared with a department.</summary>
    public string? UserId { get; set; }

    /// <summary>The department it is shared with; null when shared with a person.</summary>
    public string? DepartmentId { get; set; }

    /// <summary>True: they may change it too (not delete it, nor hand it to someone else).</summary>
    public bool CanEdit { get; set; }

    public string SharedBy { get; set; } = "";

    public DateTimeOffset SharedAt { get; set; }
}
