using System.Text.Json.Serialization;
using Platform.Ocr.Templates;

namespace Platform.Ocr.Pipeline;

public enum PageStatus
{
    /// <summary>Aligned and read; cells may still carry flags.</summary>
    Read,

    /// <summary>No ink to speak of: nothing was read.</summary>
    Blank,

    /// <summary>The template's registration marks were not found where they belong: not read, never guessed.</summary>
    NotAligned,

    /// <summary>The file or page could not be decoded (not an image, truncated, too large).</summary>
    Rejected,
}

/// <summary>One page of one file: how it went, why when it did not, and every cell read.</summary>
public sealed record PageResult(string Source, int Page, PageStatus Status, string? Reason, IReadOnlyList<CellResult> Cells, IReadOnlyList<LineItem> Lines)
{
    /// <summary>Why it was not read, as a <see cref="PageProblems"/> code (the reason's text gives the details); null when read.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>The page was upside down and was turned before reading.</summary>
    public bool TurnedOver { get; init; }

    /// <summary>What the proof-reader should know about the whole page: <c>mark_cut_off:&lt;mark&gt;</c> (aligned on the other three marks).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>How far the page was rotated on the scanner (degrees, from the marks).</summary>
    public double Skew { get; init; }

    public double Milliseconds { get; init; }

    public static PageResult Failed(string source, int page, PageStatus status, string reason, string code) => new(source, page, status, reason, [], []) { ReasonCode = code };
}

/// <summary>
/// One cell as read: its value (null when empty), how sure (0–1), and flags for the proof-reader:
/// <c>low_confidence</c>, <c>pattern</c>, <c>range</c>, <c>not_a_choice</c>, <c>corrected</c> (taken as the nearest choice),
/// <c>sum_mismatch</c>, <c>sum_corrected</c> (a handwritten number changed to the reading its total adds up with), <c>unsure_mark</c>, <c>unread_ink</c> (writing that gave no reading: empty, never silently); for handwritten numbers also <c>not_a_digit</c> and <c>stray_mark</c>.
/// </summary>
public sealed record CellResult(string Path, string Field, CellKind Type, string? Value, double Confidence, IReadOnlyList<string> Flags)
{
    /// <summary>For check cells: the share of the box's inside that is ink.</summary>
    public double? Ink { get; init; }

    /// <summary>What Tesseract read, when the value differs from it (an alternative the cell's rules accept, a nearest choice).</summary>
    public string? Raw { get; init; }

    /// <summary>A total and the handwritten cells it sums agree: taken as right without review even where a digit was unsure.</summary>
    public bool ConfirmedBySum { get; init; }

    /// <summary>For handwritten numbers: the likeliest readings, the value first (what a total's cross-check chooses among).</summary>
    [JsonIgnore]
    public IReadOnlyList<Digits.NumberCandidate> Candidates { get; init; } = [];

    /// <summary>The cell's picture (PNG, from the aligned page) when crops were asked for.</summary>
    [JsonIgnore]
    public byte[]? Crop { get; init; }
}

/// <summary>A line item: the row's number in its group and the values of its cells (null when empty); in a size grid, one per size with a quantity.</summary>
public sealed record LineItem(string Group, int Row, IReadOnlyDictionary<string, string?> Values);
