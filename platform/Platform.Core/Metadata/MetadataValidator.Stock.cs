using Platform.Core.Metadata.Stock;

namespace Platform.Core.Metadata;

public static partial class MetadataValidator
{
    /// <summary>
    /// The stock part: one part per entity; an item's and a warehouse's fields exist with the kinds the ledger reads; postings belong to
    /// submittable documents, name a known kind with the references it needs, and refer to the document's own fields as they exist.
    /// A line's fields are checked against the line entity when a document is posted (this entity alone does not know them).
    /// </summary>
    private static void ValidateStock(EntityDefinition entity, List<MetadataError> errors)
    {
        if (entity.Stock is not { } stock)
        {
            return;
        }

        var document = stock.Postings is { Count: > 0 } || stock.Reserves is not null || stock.Orders is not null;
        var parts = (stock.Item is null ? 0 : 1) + (stock.Warehouse is null ? 0 : 1) + (document ? 1 : 0);
        if (parts > 1)
        {
            errors.Add(Problem("$.stock", "stock.parts", "An entity is an item, a warehouse or a document that moves stock — one of them."));
        }

        if (stock.Item is { } item)
        {
            StockField(entity, item.Code, "$.stock.item.code", null, errors, required: true);
            StockField(entity, item.Valuation, "$.stock.item.valuation", [FieldTypes.Choice.Name], errors);
            StockField(entity, item.AllowNegative, "$.stock.item.allowNegative", [FieldTypes.YesNo.Name], errors);
            StockField(entity, item.StockUnit, "$.stock.item.stockUnit", [FieldTypes.Text.Name, FieldTypes.Choice.Name], errors);
            StockField(entity, item.Units, "$.stock.item.units", [FieldTypes.Lines.Name], errors);
            if (item.Reorder is { } reorder)
            {
                StockField(entity, reorder.Lines, "$.stock.item.reorder.lines", [FieldTypes.Lines.Name], errors, required: true);
                if (reorder.Supplier is { } supplier && supplier.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal))
                {
                    StockField(entity, supplier[StockPosting.DocumentPrefix.Length..], "$.stock.item.reorder.supplier", null, errors, required: true);
                }

                foreach (var (property, reference) in new[] { ("warehouse", reorder.Warehouse), ("level", reorder.Level) })
                {
                    if (string.IsNullOrWhiteSpace(reference))
                    {
                        errors.Add(Problem($"$.stock.item.reorder.{property}", "stock.reorder", $"A reorder table names the field of its lines holding the {property}.", property));
                    }
                }
            }
            if (!StockValuationNames.All.Contains(item.DefaultValuation))
            {
                errors.Add(Problem("$.stock.item.defaultValuation", "stock.valuation", $"'{item.DefaultValuation}' is not a valuation method; use {string.Join(", ", StockValuationNames.All)}.",
                    item.DefaultValuation, string.Join(", ", StockValuationNames.All)));
            }
        }

        if (stock.Warehouse is { } warehouse)
        {
            StockField(entity, warehouse.Code, "$.stock.warehouse.code", null, errors, required: true);
            StockField(entity, warehouse.AllowNegative, "$.stock.warehouse.allowNegative", [FieldTypes.YesNo.Name], errors);
            StockField(entity, warehouse.Branch, "$.stock.warehouse.branch", [FieldTypes.Lookup.Name, FieldTypes.Text.Name, FieldTypes.Choice.Name], errors);
        }

        if (stock.PostedAt is not null)
        {
            StockField(entity, stock.PostedAt, "$.stock.postedAt", [FieldTypes.Date.Name, FieldTypes.DateTime.Name], errors);
        }

        foreach (var (name, commitment) in new[] { ("reserves", stock.Reserves), ("orders", stock.Orders) })
        {
            if (commitment is not null)
            {
                ValidateCommitment(entity, commitment, $"$.stock.{name}", errors);
            }
        }

        if (stock.Postings is not { Count: > 0 } postings)
        {
            return;
        }

        if (!entity.Submittable)
        {
            errors.Add(Problem("$.stock.postings", "stock.submittable", "Only a submittable entity moves stock: mark it submittable."));
        }

        for (var p = 0; p < postings.Count; p++)
        {
            ValidatePosting(entity, postings[p], $"$.stock.postings[{p}]", errors);
        }
    }

    private static void ValidatePosting(EntityDefinition entity, StockPosting? posting, string path, List<MetadataError> errors)
    {
        if (posting is null)
        {
            errors.Add(Problem(path, "stock.null", "A posting cannot be null."));
            return;
        }

        if (!StockPosting.Kinds.Contains(posting.Kind))
        {
            errors.Add(Problem($"{path}.kind", "stock.kind", $"'{posting.Kind}' is not a kind of posting; use {string.Join(", ", StockPosting.Kinds)}.", posting.Kind, string.Join(", ", StockPosting.Kinds)));
            return;
        }

        if (posting.Lines is { } lines)
        {
            StockField(entity, lines, $"{path}.lines", [FieldTypes.Lines.Name], errors, required: true);
        }

        if (posting.Return is not null && posting.Kind is not (StockPosting.Receipt or StockPosting.Issue))
        {
            errors.Add(Problem($"{path}.return", "stock.return", "Only receipts and issues take returns."));
        }

        var transfer = posting.Kind == StockPosting.Transfer;
        foreach (var (property, present) in new[]
                 {
                     ("item", !string.IsNullOrWhiteSpace(posting.Item)), ("quantity", !string.IsNullOrWhiteSpace(posting.Quantity)),
                     ("warehouse", transfer || !string.IsNullOrWhiteSpace(posting.Warehouse)),
                     ("from", !transfer || !string.IsNullOrWhiteSpace(posting.From)), ("to", !transfer || !string.IsNullOrWhiteSpace(posting.To)),
                 })
        {
            if (!present)
            {
                errors.Add(Problem($"{path}.{property}", "stock.required", $"A {posting.Kind} posting names the field holding its {property}.", posting.Kind, property));
            }
        }

        foreach (var (property, reference) in posting.References())
        {
            var own = reference.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal);
            if (own || posting.Lines is null)
            {
                StockField(entity, own ? reference[StockPosting.DocumentPrefix.Length..] : reference, $"{path}.{property}",
                    property is "when" or "return" ? [FieldTypes.YesNo.Name] : null, errors, required: true);
            }
        }
    }

    private static void ValidateCommitment(EntityDefinition entity, StockCommitment commitment, string path, List<MetadataError> errors)
    {
        if (!entity.Submittable)
        {
            errors.Add(Problem(path, "stock.submittable", "Only a submittable entity moves stock: mark it submittable."));
        }

        if (commitment.Lines is { } lines)
        {
            StockField(entity, lines, $"{path}.lines", [FieldTypes.Lines.Name], errors, required: true);
        }

        foreach (var (property, present) in new[] { ("item", commitment.Item), ("warehouse", commitment.Warehouse), ("quantity", commitment.Quantity) })
        {
            if (string.IsNullOrWhiteSpace(present))
            {
                errors.Add(Problem($"{path}.{property}", "stock.required", $"A {path[8..]} commitment names the field holding its {property}.", path[8..], property));
            }
        }

        foreach (var (property, reference) in commitment.References())
        {
            var own = reference.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal);
            if (own || commitment.Lines is null)
            {
                StockField(entity, own ? reference[StockPosting.DocumentPrefix.Length..] : reference, $"{path}.{property}", null, errors, required: true);
            }
        }
    }

    private static void StockField(EntityDefinition entity, string? name, string path, string[]? kinds, List<MetadataError> errors, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            if (required)
            {
                errors.Add(Problem(path, "stock.field", "Name a field here."));
            }

            return;
        }

        var field = entity.LiveField(name);
        if (field is null)
        {
            errors.Add(Problem(path, "item.2", $"There is no field named '{name}'.", name));
        }
        else if (kinds is not null && !kinds.Contains(field.Type))
        {
            errors.Add(Problem(path, "stock.fieldKind", $"'{name}' ({field.Type}) cannot serve here; use a field of kind {string.Join(", ", kinds)}.", name, field.Type, string.Join(", ", kinds)));
        }
    }
}
