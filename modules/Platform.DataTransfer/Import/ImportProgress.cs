using System.Collections.Concurrent;

namespace Platform.DataTransfer.Import;

/// <summary>
/// How far the imports running on this host are, as they go. The database has it too once written, but an
/// all-or-nothing import on SQLite cannot write it until it ends (it holds the only write lock), so the host running
/// it tells it from here.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, int> _done = new();

    public void Set(Guid runId, int done) => _done[runId] = done;

    public void Forget(Guid runId) => _done.TryRemove(runId, out _);

    public int? Find(Guid runId) => _done.TryGetValue(runId, out var done) ? done : null;
}
