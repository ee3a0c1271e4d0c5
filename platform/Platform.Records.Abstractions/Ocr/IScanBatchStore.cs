namespace Platform.Records.Ocr;

/// <summary>
/// Scanned-form capture in the platform's database: templates, batches with their files, pages and read
/// cells. Writes that must happen once (a file opened into pages, a page's result) are conditional, so two
/// hosts working on the same batch — or one host taking up a batch again after a restart — never write them twice.
/// </summary>
public interface IScanBatchStore
{
    Task<StoredFormTemplate?> FindTemplateAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Every template, without the blank forms' pictures.</summary>
    Task<IReadOnlyList<StoredFormTemplate>> TemplatesAsync(CancellationToken cancellationToken = default);

    void AddTemplate(StoredFormTemplate formTemplate);

    /// <summary>How many batches were read with the template, any version of it.</summary>
    Task<int> BatchCountAsync(string templateName, CancellationToken cancellationToken = default);

    /// <summary>Deletes a template with every batch read with it (their files, pages and cells; the scans are let go for the file sweeper).</summary>
    Task RemoveTemplateAsync(string templateName, CancellationToken cancellationToken = default);

    void AddBatch(ScanBatch batch, IReadOnlyList<ScanFile> files);

    Task<ScanBatch?> FindBatchAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The newest batches first, with their page counts per state.</summary>
    Task<IReadOnlyList<ScanBatchSummary>> BatchesAsync(int take, CancellationToken cancellationToken = default);

    Task<ScanBatchSummary?> SummaryAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A batch's files without their contents, in upload order.</summary>
    Task<IReadOnlyList<ScanFileEntry>> FilesAsync(Guid batchId, CancellationToken cancellationToken = default);

    /// <summary>Records how many pages a file has and adds them as pending pages, once: false when another reader already did.</summary>
    Task<bool> OpenFileAsync(Guid fileId, IReadOnlyList<ScannedPage> pages, CancellationToken cancellationToken = default);

    /// <summary>The batch's pages in order.</summary>
    Task<IReadOnlyList<ScannedPage>> PagesAsync(Guid batchId, CancellationToken cancellationToken = default);

    /// <summary>Counts a reader's start on a pending page; answers the attempt number, or 0 when the page is no longer pending.</summary>
    Task<int> StartPageAsync(Guid pageId, CancellationToken cancellationToken = default);

    /// <summary>Writes a page's result and cells in one transaction, only while it is still pending; false when it was not.</summary>
    Task<bool> SavePageAsync(ScannedPage result, IReadOnlyList<ReadCell> cells, CancellationToken cancellationToken = default);

    Task SetBatchStateAsync(Guid batchId, string state, DateTimeOffset? readAt = null, CancellationToken cancellationToken = default);

    /// <summary>The cells of a page, without their pictures.</summary>
    Task<IReadOnlyList<ReadCell>> CellsOfPageAsync(Guid pageId, CancellationToken cancellationToken = default);

    Task<(Guid BatchId, byte[]? Crop)?> CropAsync(long cellId, CancellationToken cancellationToken = default);

    /// <summary>The fields read in a batch, each with how many cells it has, how many carry a flag and how many nobody confirmed yet.</summary>
    Task<IReadOnlyList<FieldProgress>> FieldsAsync(Guid batchId, CancellationToken cancellationToken = default);

    /// <summary>Every cell of one field across the batch (without pictures), with its page's place: vertical proofreading's material.</summary>
    Task<IReadOnlyList<ProofreadCell>> CellsOfFieldAsync(Guid batchId, string field, CancellationToken cancellationToken = default);

    /// <summary>
    /// Confirms cells of the batch as right — with <paramref name="value"/> when given (a correction), else as they read — in one
    /// transaction, keeping a <see cref="CellCorrection"/> for each cell whose value changed. Answers how many cells it confirmed:
    /// 0, with nothing changed, when any of the cells is not of the batch.
    /// </summary>
    Task<int> ConfirmAsync(Guid batchId, IReadOnlyCollection<long> cellIds, bool correct, string? value, string userId, string how, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The batch's pages that still have a flagged cell nobody confirmed.</summary>
    Task<IReadOnlyList<Guid>> PagesInDoubtAsync(Guid batchId, CancellationToken cancellationToken = default);

    /// <summary>The page whose sheet became a record under this duplicate key, if any.</summary>
    Task<ScannedPage?> FindRecordedAsync(string recordKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notes that the page became <paramref name="recordId"/> under <paramref name="recordKey"/>, once: false when it already
    /// became a record or another page holds the key (then the caller's transaction must be rolled back).
    /// </summary>
    Task<bool> RecordAsync(Guid pageId, Guid recordId, string recordKey, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Keeps why the sheet could not become a record (JSON); null clears it.</summary>
    Task SetRecordProblemsAsync(Guid pageId, string? problems, CancellationToken cancellationToken = default);

    /// <summary>Lets a page's key go when the record it made no longer exists, so the same sheet can become a record again.</summary>
    Task ReleaseRecordAsync(Guid pageId, CancellationToken cancellationToken = default);

    Task SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// <summary>A batch with its pages counted by state.</summary>
public sealed record ScanBatchSummary(Guid Id, string Name, string TemplateName, int TemplateVersion, string State, DateTimeOffset CreatedAt, string CreatedBy, Guid? JobId,
    int Files, int Pages, int Pending, int Read, int Blank, int NotAligned, int Rejected, int FlaggedCells, int Recorded);

/// <summary>A field of a batch: its cells, those flagged by the reader, those nobody confirmed yet.</summary>
public sealed record FieldProgress(string Field, int Cells, int Flagged, int Unconfirmed);

/// <summary>A cell as proofreading shows it: what it reads now (a correction when there is one), how sure the reader was, its flags and page.</summary>
public sealed record ProofreadCell(long Id, Guid PageId, int PageOrdinal, string Path, string? Value, string? Read, double Confidence, string Flags, bool Confirmed);

/// <summary>A file of a batch, without its content.</summary>
public sealed record ScanFileEntry(Guid Id, int Ordinal, string FileName, long Size, Guid StoredFileId, string? Refusal, int? PageCount);
