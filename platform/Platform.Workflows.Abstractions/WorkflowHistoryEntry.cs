namespace Platform.Workflows;

/// <summary>One step in an instance's timeline: a node entered or left, a task created or completed, a timer fired, an incident.</summary>
public sealed class WorkflowHistoryEntry
{
    public long Id { get; set; }

    public Guid InstanceId { get; set; }

    public DateTimeOffset At { get; set; }

    public string? ElementId { get; set; }

    public string Event { get; set; } = "";

    public string? Actor { get; set; }

    public string? Detail { get; set; }
}
