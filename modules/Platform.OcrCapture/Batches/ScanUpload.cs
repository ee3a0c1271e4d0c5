namespace Platform.OcrCapture.Batches;

/// <summary>One uploaded file for a new batch: its name, and either where it was stored or why it was not (a <see cref="Platform.Ocr.Pipeline.PageProblems"/> code: empty, too large).</summary>
public sealed record ScanUpload(string FileName, long Size, Guid? StoredFileId, string? Refusal);
