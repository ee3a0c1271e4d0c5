using Platform.Core.Metadata;
using Platform.Core.Metadata.Stock;

namespace Platform.Records.Stock;

/// <summary>
/// What joins a schema's stock declarations to each other, checked once every entity of a package is in: a document's postings,
/// reservations and orders read their item from a lookup to an entity declaring <c>stock.item</c> and their warehouses from lookups
/// to one declaring <c>stock.warehouse</c>; an item's reorder levels name their warehouse the same way. Each entity alone cannot
/// know (the other may come later in the package); a document pointing elsewhere would only fail when someone submits it.
/// </summary>
public static class StockLinks
{
    /// <summary>Every reference that does not lead where it must, in English, for the package's author.</summary>
    public static IReadOnlyList<string> Problems(RecordsSchema schema)
    {
        var problems = new List<string>();
        foreach (var entity in schema.Entities.Where(e => e.Stock is not null))
        {
            var stock = entity.Stock!;
            for (var i = 0; i < (stock.Postings?.Count ?? 0); i++)
            {
                var posting = stock.Postings![i];
                var where = $"{entity.Name} stock.postings[{i}]";
                Check(schema, entity, posting.Lines, posting.Item, "item", s => s.Item is not null, "stock.item", where, problems);
                foreach (var warehouse in new[] { posting.Warehouse, posting.From, posting.To }.OfType<string>())
                {
                    Check(schema, entity, posting.Lines, warehouse, "warehouse", s => s.Warehouse is not null, "stock.warehouse", where, problems);
                }
            }

            foreach (var (commitment, name) in new[] { (stock.Reserves, "reserves"), (stock.Orders, "orders") })
            {
                if (commitment is not null)
                {
                    Check(schema, entity, commitment.Lines, commitment.Item, "item", s => s.Item is not null, "stock.item", $"{entity.Name} stock.{name}", problems);
                    Check(schema, entity, commitment.Lines, commitment.Warehouse, "warehouse", s => s.Warehouse is not null, "stock.warehouse", $"{entity.Name} stock.{name}", problems);
                }
            }

            if (stock.Item?.Reorder is { } reorder)
            {
                Check(schema, entity, reorder.Lines, reorder.Warehouse, "warehouse", s => s.Warehouse is not null, "stock.warehouse", $"{entity.Name} stock.item.reorder", problems);
            }
        }

        return problems;
    }

    /// <summary>A reference is a field of the line (or of the document, as <c>record.field</c>) that must be a lookup to an entity playing the part.</summary>
    private static void Check(RecordsSchema schema, EntityDefinition entity, string? lines, string? reference, string what, Func<StockDefinition, bool> plays, string part,
        string where, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return;
        }

        var owner = reference.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal) || lines is null
            ? entity
            : entity.LiveField(lines) is { Target: { } linesTarget } ? schema.Find(linesTarget) : null;
        var field = reference.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal) ? reference[StockPosting.DocumentPrefix.Length..] : reference;
        if (owner is null)
        {
            return; // the lines field itself is the entity's own check
        }

        var target = owner.LiveField(field) is { Type: var type, Target: { } name } && type == FieldTypes.Lookup.Name ? schema.Find(name) : null;
        if (target?.Stock is not { } stock || !plays(stock))
        {
            problems.Add($"{where}: the {what} '{reference}' is not a lookup to an entity declaring {part}.");
        }
    }
}
