using System.Text.RegularExpressions;
using Platform.Core.Fields;

namespace Platform.Core.Metadata;

/// <summary>
/// Checks an entity definition and reports every problem at once, each with its JSON path, so a
/// document can be fixed in one go.
/// </summary>
public static partial class MetadataValidator
{
    public const int MaxFields = 500;
    public const int MaxDescriptionLength = 2000;
    public const int MaxMenuGroupLength = 40;

    public const int MaxFormulaLength = Fields.Computed.ComputedFieldType.MaxFormulaLength;

    /// <summary>The API names a lookup's target record under <c>{field}Record</c>, so no field may take that name.</summary>
    public const string LookupRecordSuffix = "Record";

    /// <summary>A problem with its code and arguments, so pages can say it in the reader's language.</summary>
    private static MetadataError Problem(string path, string code, string message, params object?[] arguments) =>
        MetadataError.Coded(path, code, message, arguments);

    public static IReadOnlyList<MetadataError> Validate(EntityDefinition entity)
    {
        var errors = new List<MetadataError>();
        if (MetadataNames.Check(entity.Name) is { } nameProblem)
        {
            errors.Add(nameProblem);
        }

        if (entity.MenuGroup is { } group && group.Values.Any(v => v?.Length > MaxMenuGroupLength))
        {
            errors.Add(Problem("$.menuGroup", "menuGroup.1", $"A menu group's name has at most {MaxMenuGroupLength} characters.", MaxMenuGroupLength));
        }

        if (entity.Label is null || entity.Label.IsBlank)
        {
            errors.Add(Problem("$.label", "label.1", "A label in at least one language (zh-CN or en) is required."));
        }

        if (entity.Description?.Length > MaxDescriptionLength)
        {
            errors.Add(Problem("$.description", "description.1", $"A description has at most {MaxDescriptionLength} characters.", MaxDescriptionLength));
        }

        if (entity.Fields is null || entity.Fields.Count == 0)
        {
            errors.Add(Problem("$.fields", "fields.1", "An entity needs at least one field."));
            return errors;
        }

        if (entity.Fields.Count > MaxFields)
        {
            errors.Add(Problem("$.fields", "fields.2", $"An entity has at most {MaxFields} fields.", MaxFields));
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entity.Fields.Count; i++)
        {
            var field = entity.Fields[i];
            var path = $"$.fields[{i}]";
            if (field is null)
            {
                errors.Add(Problem(path, "item.1", "A field cannot be null."));
                continue;
            }

            if (MetadataNames.Check(field.Name, $"{path}.name") is { } problem)
            {
                errors.Add(problem);
            }
            else if (SystemFields.Reserved.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(Problem($"{path}.name", "name.1", $"'{field.Name}' is a system field every record has; choose another name.", field.Name));
            }
            else if (seen.TryGetValue(field.Name, out var first))
            {
                errors.Add(Problem($"{path}.name", "name.2", $"The name '{field.Name}' is already used by $.fields[{first}].", field.Name, first));
            }
            else
            {
                seen[field.Name] = i;
            }

            if (field.Label is null || field.Label.IsBlank)
            {
                errors.Add(Problem($"{path}.label", "label.2", "A label in at least one language (zh-CN or en) is required."));
            }

            if (field.Column is { } column && !ColumnShape().IsMatch(column))
            {
                errors.Add(Problem($"{path}.column", "column.1", $"'{column}' is not a column the platform assigned (f_ and lower-case letters, digits or underscores); leave column out for new fields.", column));
            }
            else if (field.Column is not null && !columns.Add(field.Column))
            {
                errors.Add(Problem($"{path}.column", "column.2", $"The column '{field.Column}' is used by two fields.", field.Column));
            }

            if (field.Description?.Length > MaxDescriptionLength)
            {
                errors.Add(Problem($"{path}.description", "description.2", $"A description has at most {MaxDescriptionLength} characters.", MaxDescriptionLength));
            }

            ValidateType(field, path, errors);
        }

        for (var i = 0; i < entity.Fields.Count; i++)
        {
            if (entity.Fields[i]?.Type == FieldTypes.Lookup.Name && seen.TryGetValue(entity.Fields[i].Name + LookupRecordSuffix, out var taken))
            {
                errors.Add(Problem($"$.fields[{taken}].name", "name.3", $"'{entity.Fields[taken].Name}' is how the API names the record the lookup '{entity.Fields[i].Name}' refers to; choose another name.", entity.Fields[taken].Name, entity.Fields[i].Name));
            }
        }

        ValidateSecured(entity, errors);
        ValidateKeys(entity, errors);
        ValidateRules(entity, errors);
        ValidateActions(entity, errors);
        ValidateDuplicates(entity, errors);
        ValidateStock(entity, errors);
        ValidateFulfilment(entity, errors);
        ValidateForm(entity, errors);

        if (entity.TitleField is { } title && entity.Field(title) is null)
        {
            errors.Add(Problem("$.titleField", "titleField.1", $"There is no field named '{title}'.", title));
        }
        else if (entity.TitleField is { } named && entity.Field(named)!.Type == FieldTypes.Lines.Name)
        {
            errors.Add(Problem("$.titleField", "titleField.2", "Line items cannot name a record; choose a field with a single value."));
        }

        return errors;
    }

    /// <summary>
    /// A secured field is hidden from roles without its right, so it cannot be what names records (lists, pickers and titles show
    /// that to everyone), nor required without a default (those who may not see it could not create a record).
    /// </summary>
    private static void ValidateSecured(EntityDefinition entity, List<MetadataError> errors)
    {
        var naming = entity.NamingField();
        for (var i = 0; i < entity.Fields.Count; i++)
        {
            if (entity.Fields[i] is not { Secured: true, Removed: false } field)
            {
                continue;
            }

            if (field == naming)
            {
                errors.Add(Problem($"$.fields[{i}].secured", "secured.1", $"'{field.Name}' names the records in lists, pickers and titles, which everyone sees; it cannot be secured.", field.Name));
            }
            else if (field.Required && field.Default is null)
            {
                errors.Add(Problem($"$.fields[{i}].secured", "secured.2", $"'{field.Name}' is required: give it a default to secure it, or those who may not see it could not create a record.", field.Name));
            }
        }
    }

    private static void ValidateKeys(EntityDefinition entity, List<MetadataError> errors)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keys = (entity.UniqueKeys ?? []).Select((k, i) => (Path: $"$.uniqueKeys[{i}]", Name: k?.Name, Fields: k?.Fields, Unique: true))
            .Concat((entity.Indexes ?? []).Select((k, i) => (Path: $"$.indexes[{i}]", Name: k?.Name, Fields: k?.Fields, Unique: false)));
        foreach (var (path, name, fields, unique) in keys)
        {
            if (MetadataNames.Check(name, $"{path}.name") is { } problem)
            {
                errors.Add(problem);
            }
            else if (!names.Add(name!))
            {
                errors.Add(Problem($"{path}.name", "name.4", $"The key or index name '{name}' is used twice.", name));
            }

            if (fields is not { Count: >= 1 and <= 8 } || (unique && fields.Count < 2))
            {
                errors.Add(new($"{path}.fields", unique ? "A unique key combines 2 to 8 fields (one field: set unique on it)." : "An index covers 1 to 8 fields."));
                continue;
            }

            foreach (var (fieldName, f) in fields.Select((n, i) => (n, i)))
            {
                if (entity.Field(fieldName) is not { } field || field.Removed)
                {
                    errors.Add(Problem($"{path}.fields[{f}]", "item.2", $"There is no field named '{fieldName}'.", fieldName));
                }
                else if (FieldTypes.Find(field.Type) is { } type && !type.Indexable)
                {
                    errors.Add(Problem($"{path}.fields[{f}]", "item.3", $"{type.Name} fields cannot be part of a {(unique ? "unique key" : "index")}.", type.Name, (unique ? "unique key" : "index")));
                }
            }

            if (fields.Distinct(StringComparer.OrdinalIgnoreCase).Count() != fields.Count)
            {
                errors.Add(Problem($"{path}.fields", "fields.3", "A field appears twice in the key."));
            }
        }
    }

    private static void ValidateType(FieldDefinition field, string path, List<MetadataError> errors)
    {
        var declared = FieldTypes.Find(field.Type);
        if (declared is null)
        {
            errors.Add(Problem($"{path}.type", "type.1", $"Unknown field type '{field.Type}'. Known types: {string.Join(", ", FieldTypes.All.Keys)}.", field.Type, string.Join(", ", FieldTypes.All.Keys)));
            return;
        }

        if (field.Default is not null && !declared.TakesDefault)
        {
            errors.Add(Problem($"{path}.default", "default.1", $"{declared.Name} fields take no default.", declared.Name));
        }

        if (declared != FieldTypes.Computed && (field.Formula is not null || field.ResultType is not null))
        {
            errors.Add(Problem($"{path}.formula", "formula.1", $"formula and resultType apply to computed fields, not {declared.Name}.", declared.Name));
        }

        if (declared.StorageChecked(field, path, errors) is not { } type)
        {
            return;
        }

        if (field.Unique && type.HoldsFiles)
        {
            errors.Add(Problem($"{path}.unique", "unique.1", $"{type.Name} fields hold files and cannot be unique.", type.Name));
        }

        if (field.LinesTotal is not null && !type.Offers(FieldSetting.LinesTotal))
        {
            errors.Add(Problem($"{path}.linesTotal", "linesTotal.1", $"linesTotal applies to number fields, not {type.Name}.", type.Name));
        }

        if (field.AllowGaps && !type.Offers(FieldSetting.NumberGaps))
        {
            errors.Add(Problem($"{path}.allowGaps", "allowGaps.1", $"allowGaps applies to auto-number fields, not {type.Name}.", type.Name));
        }

        if (field.Indexed && !type.Indexable)
        {
            errors.Add(Problem($"{path}.indexed", "indexed.1", $"{type.Name} fields cannot be indexed.", type.Name));
        }

        if (field.MaxLength is { } length && (!type.Sized || length is < 1 or > 4000))
        {
            errors.Add(new($"{path}.maxLength", type.Sized ? "maxLength must be between 1 and 4000." : $"maxLength does not apply to {type.Name} fields."));
        }

        if (field.Precision is not null || field.Scale is not null)
        {
            if (type.ClrType != typeof(decimal))
            {
                errors.Add(Problem($"{path}.precision", "precision.1", $"precision and scale apply to decimal, money and percent fields, not {type.Name}.", type.Name));
            }
            else if (field.Precision is < 1 or > 28 || field.Scale is < 0 or > 10 || (field.Scale ?? 0) > (field.Precision ?? type.DefaultPrecision))
            {
                errors.Add(Problem($"{path}.precision", "precision.2", "precision must be 1–28 and scale 0–10, and scale cannot exceed precision."));
            }
        }

        if ((field.Min is not null || field.Max is not null) && !type.IsNumber)
        {
            errors.Add(Problem($"{path}.min", "min.1", $"min and max apply to number fields, not {type.Name}.", type.Name));
        }
        else if (field.Min > field.Max)
        {
            errors.Add(Problem($"{path}.min", "min.2", $"min ({field.Min}) is greater than max ({field.Max}).", field.Min, field.Max));
        }

        if (field.Pattern is { } pattern)
        {
            if (!type.IsText || type.HoldsFiles)
            {
                errors.Add(Problem($"{path}.pattern", "pattern.1", $"pattern applies to text fields, not {type.Name}.", type.Name));
            }
            else if (!IsValidPattern(pattern))
            {
                errors.Add(Problem($"{path}.pattern", "pattern.2", "pattern is not a valid regular expression."));
            }
        }

        type.CheckSettings(field, path, errors);
    }

    private static void ValidateRules(EntityDefinition entity, List<MetadataError> errors)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var r = 0; r < (entity.Rules?.Count ?? 0); r++)
        {
            var rule = entity.Rules![r];
            var path = $"$.rules[{r}]";
            if (rule is null)
            {
                errors.Add(Problem(path, "item.4", "A rule cannot be null."));
                continue;
            }

            if (MetadataNames.Check(rule.Name, $"{path}.name") is { } problem)
            {
                errors.Add(problem);
            }
            else if (!names.Add(rule.Name))
            {
                errors.Add(Problem($"{path}.name", "name.5", $"The rule name '{rule.Name}' is used twice.", rule.Name));
            }

            if (!RuleDefinition.Kinds.Contains(rule.Kind))
            {
                errors.Add(Problem($"{path}.kind", "kind.1", $"kind must be one of {string.Join(", ", RuleDefinition.Kinds)}.", string.Join(", ", RuleDefinition.Kinds)));
            }
            else if (rule.Kind == RuleDefinition.Validation && (string.IsNullOrWhiteSpace(rule.When) || rule.Message is null || rule.Message.IsBlank))
            {
                errors.Add(Problem($"{path}.when", "when.1", "A validation rule needs a condition (when) and a message."));
            }
            else if (rule.Kind != RuleDefinition.Validation && string.IsNullOrWhiteSpace(rule.Script))
            {
                errors.Add(Problem($"{path}.script", "script.1", $"A {rule.Kind} rule needs a script.", rule.Kind));
            }
            else if (rule.Kind == RuleDefinition.Change && string.IsNullOrWhiteSpace(rule.Field))
            {
                errors.Add(Problem($"{path}.field", "field.2", "A change rule needs the field whose change runs it."));
            }

            // A change rule may also follow the owner (a record handed to someone else: 归属日期 starts again).
            if (rule.Field is { } field && entity.LiveField(field) is null && !(rule.Kind == RuleDefinition.Change && field == SystemFields.Owner))
            {
                errors.Add(Problem($"{path}.field", "field.1", $"There is no field named '{field}'.", field));
            }
        }
    }

    private static void ValidateActions(EntityDefinition entity, List<MetadataError> errors)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var a = 0; a < (entity.Actions?.Count ?? 0); a++)
        {
            var action = entity.Actions![a];
            var path = $"$.actions[{a}]";
            if (action is null)
            {
                errors.Add(Problem(path, "item.8", "An action cannot be null."));
                continue;
            }

            if (MetadataNames.Check(action.Name, $"{path}.name") is { } problem)
            {
                errors.Add(problem);
            }
            else if (!names.Add(action.Name))
            {
                errors.Add(Problem($"{path}.name", "name.6", $"The action name '{action.Name}' is used twice.", action.Name));
            }

            if (action.Label is null || action.Label.IsBlank)
            {
                errors.Add(Problem($"{path}.label", "action.label", "An action needs a label people read on its button."));
            }

            foreach (var place in (action.Show ?? []).Where(p => !RecordActionDefinition.Places.Contains(p)))
            {
                errors.Add(Problem($"{path}.show", "action.show", $"'{place}' is not a place for a button; use {string.Join(", ", RecordActionDefinition.Places)}.",
                    place, string.Join(", ", RecordActionDefinition.Places)));
            }

            if (string.IsNullOrWhiteSpace(action.Script))
            {
                errors.Add(Problem($"{path}.script", "action.script", "An action needs a script: what it does."));
            }

            var inputs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < (action.Inputs?.Count ?? 0); i++)
            {
                var input = action.Inputs![i];
                var at = $"{path}.inputs[{i}]";
                if (input is null)
                {
                    errors.Add(Problem(at, "item.9", "An input cannot be null."));
                    continue;
                }

                if (MetadataNames.Check(input.Name, $"{at}.name") is { } named)
                {
                    errors.Add(named);
                    continue;
                }

                if (!inputs.Add(input.Name))
                {
                    errors.Add(Problem($"{at}.name", "name.7", $"The input name '{input.Name}' is used twice.", input.Name));
                }

                if (!RecordActionDefinition.InputKinds.Contains(input.Type))
                {
                    errors.Add(Problem($"{at}.type", "action.inputType", $"An action's form cannot ask for a {input.Type} field; use {string.Join(", ", RecordActionDefinition.InputKinds)}.",
                        input.Type, string.Join(", ", RecordActionDefinition.InputKinds)));
                }
                else if (input.Type == FieldTypes.Choice.Name && input.Choices is not { Count: > 0 })
                {
                    errors.Add(Problem($"{at}.choices", "action.inputChoices", "A choice asks people to pick one of its choices: give at least one."));
                }
                else if (input.Type == FieldTypes.Lookup.Name && string.IsNullOrWhiteSpace(input.Target))
                {
                    errors.Add(Problem($"{at}.target", "action.inputTarget", "A lookup asks for a record of an entity: name it (target)."));
                }
            }
        }
    }

    [GeneratedRegex("^f_[a-z0-9_]{1,60}$")]
    private static partial Regex ColumnShape();

    private static bool IsValidPattern(string pattern) => FieldPattern.IsValid(pattern);
}
