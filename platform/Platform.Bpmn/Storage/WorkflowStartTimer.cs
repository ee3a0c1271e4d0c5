namespace Platform.Bpmn.Storage;

/// <summary>
/// A timer start event of the latest version of a process (a nightly job): when it next starts an
/// instance. Deploying a version replaces its process's rows; firing moves the row to the next time
/// in the transaction that starts the instance, so one firing starts one instance on any number of hosts.
/// </summary>
public sealed class WorkflowStartTimer
{
    public string ProcessKey { get; set; } = "";

    /// <summary>The timer start event.</summary>
    public string NodeId { get; set; } = "";

    public long DefinitionId { get; set; }

    /// <summary>When it next falls due, in Unix milliseconds.</summary>
    public long DueAt { get; set; }

    /// <summary>How many times it fired (for cycles with a repeat count).</summary>
    public int Fired { get; set; }
}
