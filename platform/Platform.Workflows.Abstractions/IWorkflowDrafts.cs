namespace Platform.Workflows;

/// <summary>A process being drawn, saved but not deployed: its file, who saved it when, and its version (two saves never overwrite each other blindly).</summary>
public sealed record WorkflowDraft(string ProcessKey, string Xml, string SavedBy, DateTimeOffset SavedAt, int Version);

/// <summary>
/// Drafts of the modeler, one per process key: saved as often as one likes, deployed when ready (then
/// the draft goes). Saving states the version it was based on; when someone saved in between, the save
/// is refused with the newer draft, and nothing is lost.
/// </summary>
public interface IWorkflowDrafts
{
    Task<WorkflowDraft?> GetAsync(string processKey, CancellationToken cancellationToken = default);

    Task<List<WorkflowDraft>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves a draft based on <paramref name="basedOn"/> (0 for a new one); refused with the draft someone else saved since.</summary>
    Task<(WorkflowDraft Saved, WorkflowDraft? Newer)> SaveAsync(string processKey, string xml, int basedOn, string savedBy, CancellationToken cancellationToken = default);

    Task DeleteAsync(string processKey, CancellationToken cancellationToken = default);
}
