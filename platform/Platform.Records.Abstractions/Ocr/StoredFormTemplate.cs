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

    public int Version { get; set; }

    /// <summary>The template document (JSON).</summary>
    public string Definition { get; set; } = "";

    /// <summary>The blank form (PNG), for the designer and the proofreading pages.</summary>
    public byte[]? Blank { get; set; }

    /// <summary>The package file it came from, when a package brought it.</summary>
    public string? Source { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
