namespace Platform.Core.Metadata;

public static partial class MetadataValidator
{
    /// <summary>Kinds whose values an exact duplicate rule can compare.</summary>
    private static readonly HashSet<string> Comparable = new(StringComparer.Ordinal)
    {
        FieldTypes.Text.Name, FieldTypes.LongText.Name, FieldTypes.Email.Name, FieldTypes.Phone.Name, FieldTypes.Url.Name, FieldTypes.WholeNumber.Name,
        FieldTypes.DecimalNumber.Name, FieldTypes.Money.Name, FieldTypes.Date.Name, FieldTypes.Choice.Name, FieldTypes.Lookup.Name, FieldTypes.User.Name,
        FieldTypes.Department.Name, FieldTypes.AutoNumber.Name,
    };

    /// <summary>Duplicate rules: named once each, labelled, an exact rule over one to four comparable fields, a similar one over one text field.</summary>
    private static void ValidateDuplicates(EntityDefinition entity, List<MetadataError> errors)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var r = 0; r < (entity.Duplicates?.Count ?? 0); r++)
        {
            var rule = entity.Duplicates![r];
            var path = $"$.duplicates[{r}]";
            if (rule is null)
            {
                errors.Add(Problem(path, "dup.null", "A duplicate rule cannot be null."));
                continue;
            }

            if (MetadataNames.Check(rule.Name, $"{path}.name") is { } named)
            {
                errors.Add(named);
            }
            else if (!names.Add(rule.Name))
            {
                errors.Add(Problem($"{path}.name", "dup.name", $"The duplicate rule name '{rule.Name}' is used twice.", rule.Name));
            }

            if (rule.Label is null || rule.Label.IsBlank)
            {
                errors.Add(Problem($"{path}.label", "dup.label", "A duplicate rule needs a label people read beside a match (Same customer name)."));
            }

            if (!DuplicateRule.Matches.Contains(rule.Match))
            {
                errors.Add(Problem($"{path}.match", "dup.match", $"'{rule.Match}' is not a way to match; use {string.Join(", ", DuplicateRule.Matches)}.", rule.Match, string.Join(", ", DuplicateRule.Matches)));
            }

            if (!DuplicateRule.Actions.Contains(rule.Action))
            {
                errors.Add(Problem($"{path}.action", "dup.action", $"'{rule.Action}' is not what a match does; use {string.Join(", ", DuplicateRule.Actions)}.", rule.Action, string.Join(", ", DuplicateRule.Actions)));
            }

            if (rule.Threshold is { } threshold && (!rule.IsSimilar || threshold is < 0.5 or > 1 || double.IsNaN(threshold)))
            {
                errors.Add(Problem($"{path}.threshold", "dup.threshold", "A threshold belongs to a similar rule and lies between 0.5 and 1."));
            }

            var fields = rule.Fields ?? [];
            if (rule.IsSimilar ? fields.Count != 1 : fields.Count is < 1 or > 4)
            {
                errors.Add(Problem($"{path}.fields", rule.IsSimilar ? "dup.fields.similar" : "dup.fields.exact",
                    rule.IsSimilar ? "A similar rule compares one text field." : "An exact rule compares one to four fields."));
                continue;
            }

            for (var f = 0; f < fields.Count; f++)
            {
                var field = entity.LiveField(fields[f]);
                if (field is null)
                {
                    errors.Add(Problem($"{path}.fields[{f}]", "item.2", $"There is no field named '{fields[f]}'.", fields[f]));
                }
                else if (rule.IsSimilar ? field.Kind != FieldTypes.Text && field.Kind != FieldTypes.LongText : !Comparable.Contains(field.Type))
                {
                    errors.Add(Problem($"{path}.fields[{f}]", "dup.kind", $"'{field.Name}' ({field.Type}) cannot be compared by a{(rule.IsSimilar ? " similar" : "n exact")} duplicate rule.", field.Name, field.Type));
                }
            }

            if (fields.Distinct(StringComparer.OrdinalIgnoreCase).Count() != fields.Count)
            {
                errors.Add(Problem($"{path}.fields", "fields.3", "A field appears twice in the key."));
            }
        }
    }
}
