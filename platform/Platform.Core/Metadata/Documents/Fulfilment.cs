namespace Platform.Core.Metadata.Documents;

/// <summary>
/// How a submittable document fulfils the lines of another (a delivery note's lines deliver sales-order lines, a receipt's lines
/// receive purchase-order lines, an invoice's lines bill them): each line of <see cref="Lines"/> names a line of a submitted source
/// document in <see cref="Source"/>, and submitting or cancelling the document keeps the sum of <see cref="Quantity"/> over every
/// submitted line pointing at it in the source line's <see cref="Into"/> field — and the source document's <see cref="Percent"/>,
/// the share of <see cref="Of"/> fulfilled — up to date. More than <see cref="Of"/> plus <see cref="Allowance"/> percent, or less
/// than nothing (a return larger than what went out), is refused; so is cancelling a source document something fulfils.
/// </summary>
public sealed class Fulfilment
{
    /// <summary>The document's line-items field; null: the document itself is the one line.</summary>
    public string? Lines { get; set; }

    /// <summary>
    /// A lookup on the line to the source line (a line entity of a submittable document) — or to a submittable document itself, whose
    /// own fields then keep what it got (a payment's amount paid in advance against an order).
    /// </summary>
    public string Source { get; set; } = "";

    /// <summary>The number on the line that counts toward the source line (negative on a return).</summary>
    public string Quantity { get; set; } = "";

    /// <summary>The number field on the source line that holds what is fulfilled so far (delivered quantity, billed amount).</summary>
    public string Into { get; set; } = "";

    /// <summary>The number field on the source line that is to be fulfilled (ordered quantity, amount).</summary>
    public string Of { get; set; } = "";

    /// <summary>A number field on the source document that holds the percentage fulfilled: Σ min(into, of) ÷ Σ of × 100.</summary>
    public string? Percent { get; set; }

    /// <summary>How many percent beyond <see cref="Of"/> may be fulfilled (over-delivery, over-billing); 0 when not set.</summary>
    public decimal Allowance { get; set; }

    /// <summary>A yes/no field of the source document: while it is set (the order is closed), nothing more is fulfilled against it.</summary>
    public string? Closed { get; set; }

    /// <summary>
    /// A yes/no field (of the line, or <c>record.</c> of the document): a line counts only where it is set — a sales invoice delivers its
    /// order's lines only when it also issued the goods. None: always.
    /// </summary>
    public string? When { get; set; }

    /// <summary>A number field on the source line that overrides <see cref="Allowance"/> for that line when it has a value.</summary>
    public string? AllowanceField { get; set; }
}
