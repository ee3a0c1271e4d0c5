namespace Platform.Workflows;

/// <summary>The processes of one BPMN file after deploying it: each deployed as a new version, or unchanged; or, when the file has problems, nothing deployed and every problem.</summary>
public sealed record WorkflowDeploymentResult(IReadOnlyList<(string Process, int Version)> Deployed, IReadOnlyList<string> Unchanged, IReadOnlyList<BpmnProblem> Problems);

/// <summary>
/// Deploys BPMN files: checked first (nothing of a file with problems is stored), then each executable
/// process becomes a new version, unless the same file was deployed last, which changes nothing.
/// </summary>
public interface IWorkflowDeployment
{
    /// <summary>The largest BPMN file deployed.</summary>
    const int MaxFileBytes = 10 * 1024 * 1024;

    Task<WorkflowDeploymentResult> DeployAsync(byte[] content, string deployedBy, CancellationToken cancellationToken = default);

    /// <summary>Every problem the file would be refused with, deploying nothing (a modeler's check before saving).</summary>
    Task<IReadOnlyList<BpmnProblem>> CheckAsync(byte[] content, CancellationToken cancellationToken = default);
}
