namespace Platform.Records.Ocr;

/// <summary>
/// A scanned form's template as the platform keeps it: its JSON definition (the OCR engine's template format),
/// the blank form's picture when there is one, and a version that goes up with every change. A batch keeps the
/// definition it was read with, so changing a template never changes what an earlier batch read.
/// </summary>
public sealed class StoredFormTemplate
{
    public Guid Id { get; set; }

    /// <summary>The template's name (<c>apparel_order</c>), unique.</summary>
    public string Name { get; set; } = "";

    /// <summary>The published version batches are read with; 0 while a template made in the designer was never published.</summary>
    public int Version { get; set; }

    /// <summary>The published template document (JSON); empty until the first publication.</summary>
    public string Definition { get; set; } = "";

    /// <summary>The designer's work in progress (JSON, not necessarily complete); null when nothing differs from the published definition.</summary>
    public string? Draft { get; set; }

    public DateTimeOffset? DraftSavedAt { get; set; }

    public string? DraftSavedBy { get; set; }

    /// <summary>Published at least once, so batches can be read with it.</summary>
    public bool IsPublished => Version > 0 && Definition.Length > 0;

    /// <summary>The blank form (PNG), for the designer and the proofreading pages.</summary>
    public byte[]? Blank { get; set; }

    /// <summary>The package file it came from, when a package brought it.</summary>
    public string? Source { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
