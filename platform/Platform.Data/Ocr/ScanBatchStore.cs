using Microsoft.EntityFrameworkCore;
using Platform.Records.Ocr;

namespace Platform.Data.Ocr;

/// <summary>Scanned-form capture in the platform's tables (see <see cref="IScanBatchStore"/>); pictures are read only when asked for.</summary>
public sealed class ScanBatchStore(PlatformDbContext db) : IScanBatchStore
{
    public Task<StoredFormTemplate?> FindTemplateAsync(string name, CancellationToken cancellationToken = default) =>
        db.Set<StoredFormTemplate>().FirstOrDefaultAsync(t => t.Name == name, cancellationToken);

    public async Task<IReadOnlyList<StoredFormTemplate>> TemplatesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<StoredFormTemplate>().AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new StoredFormTemplate { Id = t.Id, Name = t.Name, Version = t.Version, Definition = t.Definition, Draft = t.Draft, DraftSavedAt = t.DraftSavedAt, DraftSavedBy = t.DraftSavedBy, Source = t.Source, UpdatedAt = t.UpdatedAt, UpdatedBy = t.UpdatedBy })
            .ToListAsync(cancellationToken);

    public void AddTemplate(StoredFormTemplate formTemplate) => db.Set<StoredFormTemplate>().Add(formTemplate);

    public Task<int> BatchCountAsync(string templateName, CancellationToken cancellationToken = default) =>
        db.Set<ScanBatch>().CountAsync(b => b.TemplateName == templateName, cancellationToken);

    public async Task RemoveTemplateAsync(string templateName, CancellationToken cancellationToken = default)
    {
        var batches = db.Set<ScanBatch>().Where(b => b.TemplateName == templateName).Select(b => b.Id);
        await db.Set<ReadCell>().Where(c => batches.Contains(c.BatchId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ScannedPage>().Where(p => batches.Contains(p.BatchId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ScanFile>().Where(f => batches.Contains(f.BatchId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ScanBatch>().Where(b => b.TemplateName == templateName).ExecuteDeleteAsync(cancellationToken);
        await db.Set<StoredFormTemplate>().Where(t => t.Name == templateName).ExecuteDeleteAsync(cancellationToken);
    }

    public void AddBatch(ScanBatch batch, IReadOnlyList<ScanFile> files)
    {
        db.Set<ScanBatch>().Add(batch);
        db.Set<ScanFile>().AddRange(files);
    }

    public Task<ScanBatch?> FindBatchAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<ScanBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    public async Task<IReadOnlyList<ScanBatchSummary>> BatchesAsync(int take, CancellationToken cancellationToken = default)
    {
        // Ids are time-ordered (UUID v7): newest first without ordering by a date SQLite cannot sort.
        var batches = await db.Set<ScanBatch>().AsNoTracking().OrderByDescending(b => b.Id).Take(take)
            .Select(b => new { b.Id, b.Name, b.TemplateName, b.TemplateVersion, b.State, b.CreatedAt, b.CreatedBy, b.JobId }).ToListAsync(cancellationToken);
        var ids = batches.Select(b => b.Id).ToList();
        var pages = await db.Set<ScannedPage>().AsNoTracking().Where(p => ids.Contains(p.BatchId)).GroupBy(p => new { p.BatchId, p.State })
            .Select(g => new { g.Key.BatchId, g.Key.State, Count = g.Count() }).ToListAsync(cancellationToken);
        var files = await db.Set<ScanFile>().AsNoTracking().Where(f => ids.Contains(f.BatchId)).GroupBy(f => f.BatchId)
            .Select(g => new { BatchId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var flagged = await db.Set<ReadCell>().AsNoTracking().Where(c => ids.Contains(c.BatchId) && c.Flags != "" && !c.Confirmed).GroupBy(c => c.BatchId)
            .Select(g => new { BatchId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var recorded = await db.Set<ScannedPage>().AsNoTracking().Where(p => ids.Contains(p.BatchId) && p.RecordId != null).GroupBy(p => p.BatchId)
            .Select(g => new { BatchId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. batches.Select(b =>
        {
            int Count(string state) => pages.Where(p => p.BatchId == b.Id && p.State == state).Sum(p => p.Count);
            return new ScanBatchSummary(b.Id, b.Name, b.TemplateName, b.TemplateVersion, b.State, b.CreatedAt, b.CreatedBy, b.JobId,
                files.FirstOrDefault(f => f.BatchId == b.Id)?.Count ?? 0, pages.Where(p => p.BatchId == b.Id).Sum(p => p.Count),
                Count(ScannedPageStates.Pending), Count(ScannedPageStates.Read), Count(ScannedPageStates.Blank), Count(ScannedPageStates.NotAligned), Count(ScannedPageStates.Rejected),
                flagged.FirstOrDefault(f => f.BatchId == b.Id)?.Count ?? 0, recorded.FirstOrDefault(r => r.BatchId == b.Id)?.Count ?? 0);
        })];
    }

    public async Task<ScanBatchSummary?> SummaryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await db.Set<ScanBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken) is not { } batch)
        {
            return null;
        }

        var pages = await db.Set<ScannedPage>().AsNoTracking().Where(p => p.BatchId == id).GroupBy(p => p.State)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var files = await db.Set<ScanFile>().CountAsync(f => f.BatchId == id, cancellationToken);
        var flagged = await db.Set<ReadCell>().CountAsync(c => c.BatchId == id && c.Flags != "" && !c.Confirmed, cancellationToken);
        var recorded = await db.Set<ScannedPage>().CountAsync(p => p.BatchId == id && p.RecordId != null, cancellationToken);
        int Count(string state) => pages.Where(p => p.State == state).Sum(p => p.Count);
        return new ScanBatchSummary(batch.Id, batch.Name, batch.TemplateName, batch.TemplateVersion, batch.State, batch.CreatedAt, batch.CreatedBy, batch.JobId,
            files, pages.Sum(p => p.Count), Count(ScannedPageStates.Pending), Count(ScannedPageStates.Read), Count(ScannedPageStates.Blank),
            Count(ScannedPageStates.NotAligned), Count(ScannedPageStates.Rejected), flagged, recorded);
    }

    public async Task<IReadOnlyList<ScanFileEntry>> FilesAsync(Guid batchId, CancellationToken cancellationToken = default) =>
        await db.Set<ScanFile>().AsNoTracking().Where(f => f.BatchId == batchId).OrderBy(f => f.Ordinal)
            .Select(f => new ScanFileEntry(f.Id, f.Ordinal, f.FileName, f.Size, f.StoredFileId, f.Refusal, f.PageCount)).ToListAsync(cancellationToken);

    public async Task<bool> OpenFileAsync(Guid fileId, IReadOnlyList<ScannedPage> pages, CancellationToken cancellationToken = default)
    {
        await using var transaction = await JoinedTransaction.JoinOrBeginAsync(db, cancellationToken);
        var opened = await db.Set<ScanFile>().Where(f => f.Id == fileId && f.PageCount == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.PageCount, pages.Count), cancellationToken);
        if (opened == 0)
        {
            return false;
        }

        db.Set<ScannedPage>().AddRange(pages);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<ScannedPage>> PagesAsync(Guid batchId, CancellationToken cancellationToken = default) =>
        await db.Set<ScannedPage>().AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.Ordinal).ToListAsync(cancellationToken);

    public async Task<int> StartPageAsync(Guid pageId, CancellationToken cancellationToken = default)
    {
        var started = await db.Set<ScannedPage>().Where(p => p.Id == pageId && p.State == ScannedPageStates.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Attempts, p => p.Attempts + 1), cancellationToken);
        return started == 0 ? 0 : await db.Set<ScannedPage>().Where(p => p.Id == pageId).Select(p => p.Attempts).FirstAsync(cancellationToken);
    }

    public async Task<bool> SavePageAsync(ScannedPage result, IReadOnlyList<ReadCell> cells, CancellationToken cancellationToken = default)
    {
        await using var transaction = await JoinedTransaction.JoinOrBeginAsync(db, cancellationToken);
        var saved = await db.Set<ScannedPage>().Where(p => p.Id == result.Id && p.State == ScannedPageStates.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.State, result.State).SetProperty(p => p.Reason, result.Reason).SetProperty(p => p.ReasonCode, result.ReasonCode).SetProperty(p => p.Warnings, result.Warnings)
                .SetProperty(p => p.TurnedOver, result.TurnedOver).SetProperty(p => p.Lines, result.Lines).SetProperty(p => p.Milliseconds, result.Milliseconds)
                .SetProperty(p => p.ReadAt, result.ReadAt), cancellationToken);
        if (saved == 0)
        {
            return false;
        }

        db.Set<ReadCell>().AddRange(cells);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    public Task SetBatchStateAsync(Guid batchId, string state, DateTimeOffset? readAt = null, CancellationToken cancellationToken = default) =>
        db.Set<ScanBatch>().Where(b => b.Id == batchId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, state).SetProperty(b => b.ReadAt, b => readAt ?? b.ReadAt), cancellationToken);

    public async Task<IReadOnlyList<ReadCell>> CellsOfPageAsync(Guid pageId, CancellationToken cancellationToken = default) =>
        await db.Set<ReadCell>().AsNoTracking().Where(c => c.PageId == pageId).OrderBy(c => c.Id)
            .Select(c => new ReadCell
            {
                Id = c.Id, BatchId = c.BatchId, PageId = c.PageId, Path = c.Path, Field = c.Field, Kind = c.Kind, Value = c.Value, Confidence = c.Confidence, Flags = c.Flags,
                Corrected = c.Corrected, Confirmed = c.Confirmed, ConfirmedBy = c.ConfirmedBy, ConfirmedAt = c.ConfirmedAt,
            }).ToListAsync(cancellationToken);

    public async Task<(Guid BatchId, byte[]? Crop)?> CropAsync(long cellId, CancellationToken cancellationToken = default)
    {
        var found = await db.Set<ReadCell>().AsNoTracking().Where(c => c.Id == cellId).Select(c => new { c.BatchId, c.Crop }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.BatchId, found.Crop);
    }

    public async Task<IReadOnlyList<FieldProgress>> FieldsAsync(Guid batchId, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<ReadCell>().AsNoTracking().Where(c => c.BatchId == batchId).GroupBy(c => c.Field)
                .Select(g => new { Field = g.Key, Cells = g.Count(), Flagged = g.Sum(c => c.Flags != "" ? 1 : 0), Unconfirmed = g.Sum(c => c.Confirmed ? 0 : 1) })
                .ToListAsync(cancellationToken))
            .OrderBy(f => f.Field, StringComparer.Ordinal).Select(f => new FieldProgress(f.Field, f.Cells, f.Flagged, f.Unconfirmed))];

    public async Task<IReadOnlyList<ProofreadCell>> CellsOfFieldAsync(Guid batchId, string field, CancellationToken cancellationToken = default) =>
        await (from cell in db.Set<ReadCell>().AsNoTracking()
               join page in db.Set<ScannedPage>().AsNoTracking() on cell.PageId equals page.Id
               where cell.BatchId == batchId && cell.Field == field
               orderby page.Ordinal, cell.Path
               select new ProofreadCell(cell.Id, cell.PageId, page.Ordinal, cell.Path, cell.Corrected == "" ? null : cell.Corrected ?? cell.Value, cell.Value, cell.Confidence, cell.Flags, cell.Confirmed))
            .ToListAsync(cancellationToken);

    public async Task<int> ConfirmAsync(Guid batchId, IReadOnlyCollection<long> cellIds, bool correct, string? value, string userId, string how, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        await using var transaction = await JoinedTransaction.JoinOrBeginAsync(db, cancellationToken);
        var cells = await db.Set<ReadCell>().Where(c => c.BatchId == batchId && cellIds.Contains(c.Id))
            .Select(c => new { c.Id, Now = c.Corrected == "" ? null : c.Corrected ?? c.Value, c.Value }).ToListAsync(cancellationToken);
        if (cells.Count != cellIds.Distinct().Count())
        {
            return 0; // some cell is not of this batch: nothing changes
        }

        var outcomes = new List<(long Id, string? Corrected)>(cells.Count);
        foreach (var cell in cells)
        {
            var to = correct ? value : cell.Now;
            if (to != cell.Now)
            {
                db.Set<CellCorrection>().Add(new CellCorrection { CellId = cell.Id, BatchId = batchId, From = cell.Now, To = to, By = userId, At = at, How = how });
            }

            // The correction is kept apart from what the reader saw: null when it agrees with the reading again, "" when the cell was emptied.
            outcomes.Add((cell.Id, to == cell.Value ? null : to ?? ""));
        }

        // One statement per value the cells end with (confirming a whole field as shown is one or a few), at most 500 cells each.
        foreach (var group in outcomes.GroupBy(o => o.Corrected))
        {
            foreach (var ids in group.Select(o => o.Id).Chunk(500))
            {
                var corrected = group.Key;
                await db.Set<ReadCell>().Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Corrected, corrected).SetProperty(c => c.Confirmed, true)
                    .SetProperty(c => c.ConfirmedBy, userId).SetProperty(c => c.ConfirmedAt, at), cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cells.Count;
    }

    public async Task<IReadOnlyList<Guid>> PagesInDoubtAsync(Guid batchId, CancellationToken cancellationToken = default) =>
        await db.Set<ReadCell>().AsNoTracking().Where(c => c.BatchId == batchId && c.Flags != "" && !c.Confirmed).Select(c => c.PageId).Distinct().ToListAsync(cancellationToken);

    public Task<ScannedPage?> FindRecordedAsync(string recordKey, CancellationToken cancellationToken = default) =>
        db.Set<ScannedPage>().AsNoTracking().FirstOrDefaultAsync(p => p.RecordKey == recordKey, cancellationToken);

    public async Task<bool> RecordAsync(Guid pageId, Guid recordId, string recordKey, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Set<ScannedPage>().Where(p => p.Id == pageId && p.RecordId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.RecordId, recordId).SetProperty(p => p.RecordKey, recordKey).SetProperty(p => p.RecordedAt, at)
                    .SetProperty(p => p.RecordProblems, (string?)null), cancellationToken) == 1;
        }
        catch (System.Data.Common.DbException)
        {
            return false; // another page took the key at the same moment (the unique index): the same sheet twice
        }
    }

    public Task SetRecordProblemsAsync(Guid pageId, string? problems, CancellationToken cancellationToken = default) =>
        db.Set<ScannedPage>().Where(p => p.Id == pageId).ExecuteUpdateAsync(s => s.SetProperty(p => p.RecordProblems, problems), cancellationToken);

    public Task ReleaseRecordAsync(Guid pageId, CancellationToken cancellationToken = default) =>
        db.Set<ScannedPage>().Where(p => p.Id == pageId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.RecordId, (Guid?)null).SetProperty(p => p.RecordKey, (string?)null).SetProperty(p => p.RecordedAt, (DateTimeOffset?)null), cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);
}
