using Microsoft.EntityFrameworkCore;
using Platform.Records.Exporting;

namespace Platform.Data.Exporting;

/// <summary>Exports in the platform's tables.</summary>
public sealed class ExportRunStore(PlatformDbContext db, TimeProvider clock) : IExportRunStore
{
    private const int MessageLength = 1000;

    public void Add(ExportRun run) => db.Set<ExportRun>().Add(run);

    public Task SaveAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);

    public Task<ExportRun?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<ExportRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ExportRun>> LatestAsync(string userId, int take, CancellationToken cancellationToken = default) =>
        // Ids are version 7 (time-ordered): the newest first without comparing times SQLite keeps as text.
        await db.Set<ExportRun>().AsNoTracking().Where(r => r.StartedBy == userId).OrderByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);

    public async Task<bool> CompleteAsync(Guid runId, long rows, Guid fileId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await db.Set<ExportRun>().Where(r => r.Id == runId && r.Status == ExportRunStates.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ExportRunStates.Completed).SetProperty(r => r.Rows, rows)
                .SetProperty(r => r.FileId, fileId).SetProperty(r => r.FinishedAt, now), cancellationToken) == 1;
    }

    public Task FailAsync(Guid runId, string message, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var cut = message.Length > MessageLength ? message[..MessageLength] : message;
        return db.Set<ExportRun>().Where(r => r.Id == runId && r.Status == ExportRunStates.Waiting).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ExportRunStates.Failed).SetProperty(r => r.Message, cut).SetProperty(r => r.FinishedAt, now), cancellationToken);
    }
}
