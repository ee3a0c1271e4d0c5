namespace Platform.Records.Ocr;

/// <summary>
/// One page of a batch and how its reading went. A page is read at most once: its result and its cells are
/// written in one transaction that only succeeds while the page is still pending.
/// </summary>
public sealed class ScannedPage
{
    public Guid Id { get; set; }

    public Guid BatchId { get; set; }

    public Guid FileId { get; set; }

    /// <summary>Its place in the batch: files in upload order, pages in file order.</summary>
    public int Ordinal { get; set; }

    /// <summary>The page's number in its file (1 for a single image).</summary>
    public int PageNumber { get; set; }

    /// <summary><see cref="ScannedPageStates"/>.</summary>
    public string State { get; set; } = ScannedPageStates.Pending;

    /// <summary>Why it was not read (not aligned, rejected, blank), in the reader's words.</summary>
    public string? Reason { get; set; }

    /// <summary>The same as a code (<c>not_aligned</c>, <c>empty_file</c>, <c>too_large</c>…), for telling it in the user's language.</summary>
    public string? ReasonCode { get; set; }

    /// <summary>Warnings for the proof-reader, comma-separated (<c>mark_cut_off:top_right</c>).</summary>
    public string? Warnings { get; set; }

    public bool TurnedOver { get; set; }

    /// <summary>How many times a reader started on it: a page that stopped the reader again and again is given up.</summary>
    public int Attempts { get; set; }

    /// <summary>The line items as read (JSON).</summary>
    public string? Lines { get; set; }

    public double Milliseconds { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>The record the sheet became (of the entity the template's record mapping names); null until one was created.</summary>
    public Guid? RecordId { get; set; }

    /// <summary>What makes two sheets the same order (the template's duplicate key, hashed), kept with the record it made: unique.</summary>
    public string? RecordKey { get; set; }

    /// <summary>Why the last attempt to make the sheet a record was refused (JSON: a list of cell path and message); null when it was not.</summary>
    public string? RecordProblems { get; set; }

    public DateTimeOffset? RecordedAt { get; set; }
}

public static class ScannedPageStates
{
    public const string Pending = "pending";

    public const string Read = "read";

    public const string Blank = "blank";

    public const string NotAligned = "not_aligned";

    public const string Rejected = "rejected";
}
