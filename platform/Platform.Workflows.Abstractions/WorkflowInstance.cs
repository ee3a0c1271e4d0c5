namespace Platform.Workflows;

/// <summary>
/// One run of a process version: its status, the record it is bound to, who started it, and its
/// state (tokens, scopes, timers, variables) as JSON, saved with every step. The row version makes
/// two steps of one instance that raced commit one after the other, never both on the same state.
/// </summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }

    public long DefinitionId { get; set; }

    public string ProcessKey { get; set; } = "";

    public int Version { get; set; }

    /// <summary><see cref="WorkflowStatus"/>: running, incident, completed, cancelled, withdrawn, rejected.</summary>
    public string Status { get; set; } = WorkflowStatus.Running;

    public string? Entity { get; set; }

    public Guid? RecordId { get; set; }

    public string Initiator { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The instance whose call activity started this one.</summary>
    public Guid? ParentId { get; set; }

    public string State { get; set; } = "{}";

    /// <summary>What failed, while the instance is in incident.</summary>
    public string? Error { get; set; }

    public int RowVersion { get; set; }

    /// <summary>
    /// People may not change or delete the bound record now: the process locks it (platform:lockRecord)
    /// and is running, not returned to its initiator. The workflow's own actions still may.
    /// </summary>
    public bool LocksRecord { get; set; }
}

public static class WorkflowStatus
{
    public const string Running = "running";
    public const string Incident = "incident";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Withdrawn = "withdrawn";
    public const string Rejected = "rejected";

    /// <summary>Not an instance status: what a bound record's status field shows while the request is back with its initiator.</summary>
    public const string Returned = "returned";
}
