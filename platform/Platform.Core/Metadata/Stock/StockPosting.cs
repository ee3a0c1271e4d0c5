namespace Platform.Core.Metadata.Stock;

/// <summary>
/// One kind of movement a submitted document makes, per line of <see cref="Lines"/> (or once for the document when null):
/// <c>receipt</c> into <see cref="Warehouse"/> at <see cref="Rate"/>; <c>issue</c> out of it at its valuation (a negative quantity
/// returns stock at <see cref="Rate"/>, else at the current rate); <c>transfer</c> out of <see cref="From"/> into <see cref="To"/>
/// at the rate it went out at (or at <see cref="Rate"/>, a transfer price between branches); <c>count</c> sets the quantity in
/// <see cref="Warehouse"/> to <see cref="Quantity"/> (revalued at <see cref="Rate"/> when given). Every value names a field — of
/// the line, or of the document as <c>record.field</c>; a line without an item or a quantity moves nothing. Cancelling the document takes its movements out of the ledger again.
/// </summary>
public sealed class StockPosting
{
    public const string Receipt = "receipt";
    public const string Issue = "issue";
    public const string Transfer = "transfer";
    public const string Count = "count";

    public static IReadOnlyList<string> Kinds { get; } = [Receipt, Issue, Transfer, Count];

    public string Kind { get; set; } = "";

    /// <summary>The document's line-items field; null: the document itself is the one line.</summary>
    public string? Lines { get; set; }

    /// <summary>A lookup to an entity whose records are items.</summary>
    public string Item { get; set; } = "";

    /// <summary>A lookup to an entity whose records are warehouses (receipt, issue, count).</summary>
    public string? Warehouse { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string Quantity { get; set; } = "";

    /// <summary>The unit the quantity is entered in; empty or the item's stock unit: as it stands, else times the item's factor for it.</summary>
    public string? Unit { get; set; }

    public string? Rate { get; set; }

    /// <summary>The batch (or serial number) a specific-valued item is received as or taken from.</summary>
    public string? Batch { get; set; }

    /// <summary>
    /// A yes/no field (of the line, or <c>record.</c> of the document) marking a return: its quantities are negative and move the
    /// other way — a delivery's return comes back in at <see cref="Rate"/> (none: the current valuation rate), a receipt's goes
    /// back out at the valuation. Receipts and issues only.
    /// </summary>
    public string? Return { get; set; }

    /// <summary>
    /// A yes/no field (of the line, or <c>record.</c> of the document): the posting moves only where it is set — a sales invoice that
    /// also issues the goods when 更新库存 (update stock) is ticked. None: always.
    /// </summary>
    public string? When { get; set; }

    /// <summary>The field references the posting makes, by the property that holds them.</summary>
    public IEnumerable<(string Property, string Reference)> References()
    {
        foreach (var (property, reference) in new[]
                 {
                     ("item", Item), ("warehouse", Warehouse), ("from", From), ("to", To), ("quantity", Quantity), ("unit", Unit), ("rate", Rate),
                     ("batch", Batch), ("return", Return), ("when", When),
                 })
        {
            if (!string.IsNullOrWhiteSpace(reference))
            {
                yield return (property, reference!);
            }
        }
    }

    /// <summary>The prefix a reference to the document's own field takes on a line's posting.</summary>
    public const string DocumentPrefix = "record.";
}
