namespace Platform.Records.Ocr;

/// <summary>A change someone made to a read cell: who, when, from what to what, and how (one cell, a whole group, on the sheet).</summary>
public sealed class CellCorrection
{
    public long Id { get; set; }

    public long CellId { get; set; }

    public Guid BatchId { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string By { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary><c>cell</c>, <c>group</c>, <c>field</c> (every undoubted cell of a field) or <c>sheet</c>.</summary>
    public string How { get; set; } = "";
}
