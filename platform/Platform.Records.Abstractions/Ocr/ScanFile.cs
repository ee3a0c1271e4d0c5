namespace Platform.Records.Ocr;

/// <summary>One uploaded file of a batch (an image, a multi-page TIFF or a PDF); its content is a stored file (<see cref="Files.IFileStore"/>).</summary>
public sealed class ScanFile
{
    public Guid Id { get; set; }

    public Guid BatchId { get; set; }

    /// <summary>Its place in the batch (the order it was uploaded in).</summary>
    public int Ordinal { get; set; }

    public string FileName { get; set; } = "";

    public long Size { get; set; }

    public Guid StoredFileId { get; set; }

    /// <summary>Why the upload kept nothing, as a code (<c>empty_file</c>, <c>too_large</c>): the reader records it as a rejected page.</summary>
    public string? Refusal { get; set; }

    /// <summary>How many pages it has; null until a reader opened it.</summary>
    public int? PageCount { get; set; }
}
