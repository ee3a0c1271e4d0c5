namespace Platform.Core.Metadata.Stock;

/// <summary>
/// Stock a submitted document promises without moving it yet — a sales order reserves what it is to deliver, a purchase order expects
/// what is to come in: per line of <see cref="Lines"/>, <see cref="Quantity"/> (in <see cref="Unit"/>) less what is already
/// <see cref="Fulfilled"/>, of <see cref="Item"/> in <see cref="Warehouse"/>, for as long as the document is submitted and not
/// <see cref="Closed"/>. Values name fields of the line, or of the document as <c>record.field</c>.
/// </summary>
public sealed class StockCommitment
{
    public string? Lines { get; set; }

    public string Item { get; set; } = "";

    public string Warehouse { get; set; } = "";

    public string Quantity { get; set; } = "";

    public string? Unit { get; set; }

    /// <summary>What of the quantity has been delivered or received (a field fulfilment keeps), in the same unit.</summary>
    public string? Fulfilled { get; set; }

    /// <summary>A yes/no field: while set, the document promises nothing more.</summary>
    public string? Closed { get; set; }

    public IEnumerable<(string Property, string Reference)> References()
    {
        foreach (var (property, reference) in new[] { ("item", Item), ("warehouse", Warehouse), ("quantity", Quantity), ("unit", Unit), ("fulfilled", Fulfilled), ("closed", Closed) })
        {
            if (!string.IsNullOrWhiteSpace(reference))
            {
                yield return (property, reference!);
            }
        }
    }
}
