namespace Platform.Records;

/// <summary>One changed field of one record: who, when, old value and new value (as invariant text).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public string EntityKey { get; set; } = "";

    public Guid RecordId { get; set; }

    /// <summary>For changes to a line: the record the line belongs to, so the order's history shows its lines' changes.</summary>
    public Guid? ParentRecordId { get; set; }

    /// <summary><c>create</c>, <c>update</c>, <c>delete</c> or <c>restore</c>.</summary>
    public string Action { get; set; } = "";

    public string? Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public DateTimeOffset At { get; set; }

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";
}
