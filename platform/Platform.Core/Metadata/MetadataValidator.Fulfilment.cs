using Platform.Core.Metadata.Documents;

namespace Platform.Core.Metadata;

public static partial class MetadataValidator
{
    /// <summary>
    /// What a document fulfils: only a submittable document fulfils; each declaration names its lines field (as it exists), the lookup
    /// to the source line, the quantity and the two source fields, and a sensible allowance. The source entities are checked when
    /// a document is submitted (this entity alone does not know them). Fields changeable once submitted must be plain values.
    /// </summary>
    private static void ValidateFulfilment(EntityDefinition entity, List<MetadataError> errors)
    {
        for (var i = 0; i < entity.Fields.Count; i++)
        {
            if (entity.Fields[i] is { AllowOnSubmit: true } field
                && (field.Formula is not null || field.Type is "lines" or "autoNumber" or "computed" || field.Name is DocumentStatus.Field or DocumentStatus.AmendedFrom))
            {
                errors.Add(Problem($"$.fields[{i}].allowOnSubmit", "fulfils.allowOnSubmit", $"'{field.Name}' cannot be changed after submission: only entered values can.", field.Name));
            }
        }

        if (entity.Fulfils is not { Count: > 0 } declarations)
        {
            return;
        }

        if (!entity.Submittable)
        {
            errors.Add(Problem("$.fulfils", "fulfils.submittable", "Only a submittable document fulfils other documents: mark it submittable."));
        }

        for (var i = 0; i < declarations.Count; i++)
        {
            var path = $"$.fulfils[{i}]";
            if (declarations[i] is not { } declaration)
            {
                errors.Add(Problem(path, "fulfils.null", "A fulfilment cannot be null."));
                continue;
            }

            if (declaration.Lines is { } lines)
            {
                StockField(entity, lines, $"{path}.lines", [FieldTypes.Lines.Name], errors, required: true);
            }

            foreach (var (property, value) in new[] { ("source", declaration.Source), ("quantity", declaration.Quantity), ("into", declaration.Into), ("of", declaration.Of) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    errors.Add(Problem($"{path}.{property}", "fulfils.required", $"A fulfilment names the field holding its {property}.", property));
                }
            }

            if (declaration.Lines is null && !string.IsNullOrWhiteSpace(declaration.Source))
            {
                StockField(entity, declaration.Source, $"{path}.source", [FieldTypes.Lookup.Name], errors, required: true);
            }

            if (declaration.When is { } when && (when.StartsWith(Stock.StockPosting.DocumentPrefix, StringComparison.Ordinal) || declaration.Lines is null))
            {
                StockField(entity, when.StartsWith(Stock.StockPosting.DocumentPrefix, StringComparison.Ordinal) ? when[Stock.StockPosting.DocumentPrefix.Length..] : when,
                    $"{path}.when", [FieldTypes.YesNo.Name], errors, required: true);
            }

            if (declaration.Allowance is < 0m or > 1000m)
            {
                errors.Add(Problem($"{path}.allowance", "fulfils.allowance", "An allowance is a percentage from 0 to 1000."));
            }
        }
    }
}
