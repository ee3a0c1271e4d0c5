using Microsoft.EntityFrameworkCore;
using Platform.Records.Files;
using Platform.Records.Importing;

namespace Platform.Data.Files;

/// <summary>
/// Removes uploads nobody used: files older than the grace period that no record or workflow holds, no scan batch reads and no
/// unfinished import will read again; and pieces of database uploads that never finished. Safe to run on several hosts at
/// once (removing what is gone already does nothing).
/// </summary>
public sealed class FileSweeper(PlatformDbContext db, FileStore files, TimeProvider clock)
{
    private const int Batch = 500;

    /// <summary>Removes what was left longer than <paramref name="grace"/>; answers how many files went.</summary>
    public async Task<int> SweepAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - grace;
        var removed = 0;
        while (true)
        {
            // The age is compared here: SQLite keeps the upload time as text it cannot compare (the unattached are few).
            var orphans = new List<StoredFile>();
            await foreach (var file in db.StoredFiles.AsNoTracking()
                .Where(f => f.RecordId == null
                    && !db.Set<Platform.Records.Ocr.ScanFile>().Any(s => s.StoredFileId == f.Id)
                    && !db.Set<ImportRun>().Any(r => r.FileId == f.Id && r.Status == ImportRunStates.Running))
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (file.UploadedAt < before && orphans.Count < Batch)
                {
                    orphans.Add(file);
                }
            }

            foreach (var orphan in orphans)
            {
                await files.DeleteAsync(orphan, cancellationToken);
            }

            removed += orphans.Count;
            if (orphans.Count < Batch)
            {
                break;
            }
        }

        var unfinished = before.ToUnixTimeMilliseconds();
        await db.Set<StoredFileChunk>().Where(c => c.WrittenAt < unfinished && !db.StoredFiles.Any(f => f.Id == c.FileId)).ExecuteDeleteAsync(cancellationToken);
        return removed;
    }
}
