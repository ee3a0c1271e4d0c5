using Microsoft.EntityFrameworkCore;
using Platform.Bpmn.Storage;
using Platform.Data;

namespace Platform.Bpmn;

/// <summary>The modeler's drafts in the database: each save names the version it was based on, and a save made in between wins over none.</summary>
public sealed class WorkflowDrafts(PlatformDbContext db, TimeProvider clock) : IWorkflowDrafts
{
    public async Task<WorkflowDraft?> GetAsync(string processKey, CancellationToken cancellationToken = default) =>
        await db.WorkflowDrafts.AsNoTracking().Where(d => d.ProcessKey == processKey).Select(d => new WorkflowDraft(d.ProcessKey, d.Xml, d.SavedBy, d.SavedAt, d.Version))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<List<WorkflowDraft>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.WorkflowDrafts.AsNoTracking().OrderBy(d => d.ProcessKey).Select(d => new WorkflowDraft(d.ProcessKey, "", d.SavedBy, d.SavedAt, d.Version)).ToListAsync(cancellationToken);

    public async Task<(WorkflowDraft Saved, WorkflowDraft? Newer)> SaveAsync(string processKey, string xml, int basedOn, string savedBy, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (basedOn == 0)
        {
            db.WorkflowDrafts.Add(new WorkflowDraftRow { ProcessKey = processKey, Xml = xml, SavedBy = savedBy, SavedAt = now, Version = 1 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (new WorkflowDraft(processKey, xml, savedBy, now, 1), null);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return (new WorkflowDraft(processKey, xml, savedBy, now, 0), await GetAsync(processKey, cancellationToken));
            }
        }

        // One statement: the row changes only if it still has the version the editor started from.
        var changed = await db.WorkflowDrafts.Where(d => d.ProcessKey == processKey && d.Version == basedOn)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Xml, xml).SetProperty(d => d.SavedBy, savedBy).SetProperty(d => d.SavedAt, now).SetProperty(d => d.Version, basedOn + 1), cancellationToken);
        return changed == 1
            ? (new WorkflowDraft(processKey, xml, savedBy, now, basedOn + 1), null)
            : (new WorkflowDraft(processKey, xml, savedBy, now, 0), await GetAsync(processKey, cancellationToken));
    }

    public Task DeleteAsync(string processKey, CancellationToken cancellationToken = default) =>
        db.WorkflowDrafts.Where(d => d.ProcessKey == processKey).ExecuteDeleteAsync(cancellationToken);
}
