namespace Platform.Bpmn.Storage;

/// <summary>
/// One deployed version of a process: its key (the BPMN process id), the version number, and the
/// whole BPMN file it came from. Running instances stay on the version they started with.
/// </summary>
public sealed class WorkflowDefinition
{
    public long Id { get; set; }

    public string ProcessKey { get; set; } = "";

    public int Version { get; set; }

    public string? Name { get; set; }

    /// <summary>The BPMN file, as UTF-8 XML, with everything the modeler wrote.</summary>
    public string Xml { get; set; } = "";

    /// <summary>SHA-256 of <see cref="Xml"/>: deploying the same file again creates no new version.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The app package file the process came from (<c>workflows/sales_order_approval.bpmn</c>), kept by later versions; null when drawn here.</summary>
    public string? Source { get; set; }

    public DateTimeOffset DeployedAt { get; set; }

    public string DeployedBy { get; set; } = "";
}
