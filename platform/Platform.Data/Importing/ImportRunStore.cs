using Microsoft.EntityFrameworkCore;
using Platform.Records.Importing;

namespace Platform.Data.Importing;

/// <summary>Imports and their problems in the platform's tables, sharing the scope's context (and so the record transaction under way).</summary>
public sealed class ImportRunStore(PlatformDbContext db, TimeProvider clock) : IImportRunStore
{
    private const int MessageLength = 1000;

    public bool WritersWaitForEachOther => db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    public void Add(ImportRun run) => db.Set<ImportRun>().Add(run);

    public Task<ImportRun?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<ImportRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<bool> RecordAsync(Guid runId, int processedBefore, ImportCounts counts, IReadOnlyCollection<ImportProblem> problems, CancellationToken cancellationToken = default)
    {
        var moved = await db.Set<ImportRun>().Where(r => r.Id == runId && r.Processed == processedBefore && r.Status == ImportRunStates.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Processed, counts.Processed).SetProperty(r => r.Inserted, counts.Inserted)
                .SetProperty(r => r.Updated, counts.Updated).SetProperty(r => r.FailedRows, counts.FailedRows), cancellationToken);
        if (moved == 0)
        {
            return false;
        }

        if (problems.Count == 0)
        {
            return true;
        }

        foreach (var problem in problems)
        {
            problem.Id = Guid.CreateVersion7();
            problem.RunId = runId;
            problem.Heading = Cut(problem.Heading, 200);
            problem.Field = Cut(problem.Field, 64);
            problem.Message = Cut(problem.Message, MessageLength)!;
        }

        db.Set<ImportProblem>().AddRange(problems);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task FinishAsync(Guid runId, string status, string? message, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return db.Set<ImportRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status)
            .SetProperty(r => r.Message, Cut(message, MessageLength)).SetProperty(r => r.FinishedAt, now), cancellationToken);
    }

    public async Task<IReadOnlyList<ImportProblem>> ProblemsAsync(Guid runId, int? take = null, CancellationToken cancellationToken = default)
    {
        var query = db.Set<ImportProblem>().AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.Row).ThenBy(p => p.Id);
        return await (take is { } most ? query.Take(most) : query).ToListAsync(cancellationToken);
    }

    public Task SaveAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);

    public Task ForgetProblemsAsync(Guid runId, CancellationToken cancellationToken = default) =>
        db.Set<ImportProblem>().Where(p => p.RunId == runId).ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> FilesInUseAsync(CancellationToken cancellationToken = default) =>
        await db.Set<ImportRun>().AsNoTracking().Where(r => r.Status == ImportRunStates.Running).Select(r => r.FileId).ToListAsync(cancellationToken);

    private static string? Cut(string? text, int most) => text is null || text.Length <= most ? text : text[..most];
}
