using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

/// <summary>
/// The record triggers of the latest version of every process, by entity, read once and kept: a
/// record save asks for its entity's triggers without touching the database. A deployment on this
/// host refreshes them at once; one on another host is seen within <see cref="MaxAge"/>.
/// </summary>
public sealed class WorkflowTriggers(ProcessModels models, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private volatile Snapshot? _snapshot;

    public sealed record Trigger(long DefinitionId, string ProcessKey, RecordTrigger Settings);

    private sealed record Snapshot(DateTimeOffset ReadAt, ILookup<string, Trigger> ByEntity);

    public async Task<IEnumerable<Trigger>> ForEntityAsync(PlatformDbContext db, string entity, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow() - snapshot.ReadAt > MaxAge)
        {
            snapshot = await ReadAsync(db, cancellationToken);
            _snapshot = snapshot;
        }

        return snapshot.ByEntity[entity.ToLowerInvariant()];
    }

    /// <summary>A process was deployed here: read the triggers again on the next save.</summary>
    public void Refresh() => _snapshot = null;

    private async Task<Snapshot> ReadAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var readAt = clock.GetUtcNow();
        var latest = await db.WorkflowDefinitions.AsNoTracking().GroupBy(d => d.ProcessKey).Select(g => g.Max(d => d.Id)).ToListAsync(cancellationToken);
        var triggers = new List<Trigger>();
        foreach (var id in latest)
        {
            var model = await models.GetAsync(db, id, cancellationToken);
            triggers.AddRange(model.Triggers.Select(t => new Trigger(id, model.Key, t)));
        }

        return new Snapshot(readAt, triggers.ToLookup(t => t.Settings.Entity.ToLowerInvariant()));
    }
}
