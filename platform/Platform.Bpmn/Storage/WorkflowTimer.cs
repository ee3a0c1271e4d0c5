namespace Platform.Bpmn.Storage;

/// <summary>A pending timer of an instance, by due time, written in the step that set it and removed in the step that fired or cleared it.</summary>
public sealed class WorkflowTimer
{
    public Guid InstanceId { get; set; }

    /// <summary>The timer's id within the instance's state (timer3).</summary>
    public string TimerId { get; set; } = "";

    /// <summary>When it falls due, in Unix milliseconds (compared and ordered the same way on every database).</summary>
    public long DueAt { get; set; }
}
