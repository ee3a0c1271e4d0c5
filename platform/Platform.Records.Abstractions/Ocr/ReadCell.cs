namespace Platform.Records.Ocr;

/// <summary>One cell of a read page: what the reader made of it, how sure it was, its flags and its picture; and the correction, once someone made one.</summary>
public sealed class ReadCell
{
    public long Id { get; set; }

    public Guid BatchId { get; set; }

    public Guid PageId { get; set; }

    /// <summary>The cell's place in the template (<c>dealer_code</c>, <c>lines[3].quantity</c>).</summary>
    public string Path { get; set; } = "";

    /// <summary>The field it fills (the same for every row of a row group): proofreading groups by it.</summary>
    public string Field { get; set; } = "";

    /// <summary>text, digits, check…</summary>
    public string Kind { get; set; } = "";

    public string? Value { get; set; }

    public double Confidence { get; set; }

    /// <summary>The reader's flags, comma-separated; empty when it had no doubt.</summary>
    public string Flags { get; set; } = "";

    public byte[]? Crop { get; set; }

    /// <summary>The value a person typed over the reading: null when they changed nothing, "" when they emptied the cell.</summary>
    public string? Corrected { get; set; }

    /// <summary>What the cell holds now: the correction when there is one, else the reading.</summary>
    public string? Current => Corrected is null ? Value : Corrected.Length == 0 ? null : Corrected;

    public bool Confirmed { get; set; }

    public string? ConfirmedBy { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }
}
