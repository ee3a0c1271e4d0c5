namespace Platform.Ocr.Pipeline;

/// <summary>Why a page was not read, as codes a page can show in the user's language (the reason's text gives the details).</summary>
public static class PageProblems
{
    public const string Empty = "empty_file";

    /// <summary>The file, the image or a PDF page is larger than accepted.</summary>
    public const string TooLarge = "too_large";

    /// <summary>Not an image or PDF at all.</summary>
    public const string NotAScan = "not_a_scan";

    /// <summary>Truncated, corrupt, or the decoder failed.</summary>
    public const string Unreadable = "unreadable";

    public const string PdfToolMissing = "pdf_tool_missing";

    public const string Blank = "blank";

    /// <summary>The registration marks were not found where they belong (another form, a bad scan, which way up unclear).</summary>
    public const string NotAligned = "not_aligned";

    /// <summary>Registration marks cut off by the scan's edge.</summary>
    public const string MarksCutOff = "marks_cut_off";

    /// <summary>The reader stopped on the page again and again; it was given up.</summary>
    public const string ReaderStopped = "reader_stopped";

    /// <summary>The uploaded file is no longer stored.</summary>
    public const string FileMissing = "file_missing";
}
