using Platform.Core.Metadata;

namespace Platform.Core.Fields.Computed;

/// <summary>
/// A value the platform calculates from <see cref="FieldDefinition.Formula"/>; stored (so lists
/// filter and sort on it) as its <see cref="FieldDefinition.ResultType"/>, which then decides how it
/// is checked, shown, imported and filtered.
/// </summary>
public sealed class ComputedFieldType() : FieldType("computed", typeof(object))
{
    public const int MaxFormulaLength = 4000;

    public override bool SetByPlatform => true;

    public override FieldSetting Settings => FieldSetting.Formula;

    /// <summary>Checks the formula and answers the result type, or null when there is none to go on with.</summary>
    public override FieldType? StorageChecked(FieldDefinition field, string path, List<MetadataError> errors)
    {
        if (string.IsNullOrWhiteSpace(field.Formula) || field.Formula.Length > MaxFormulaLength)
        {
            errors.Add(MetadataError.Coded($"{path}.formula", "formula.2", $"A computed field needs a formula of at most {MaxFormulaLength} characters.", MaxFormulaLength));
        }

        if (field.Required || field.Unique)
        {
            errors.Add(MetadataError.Coded($"{path}.required", "required.1", "A computed field takes its value from the formula; it cannot be required or unique."));
        }

        var result = FieldTypes.Find(field.ResultType);
        if (result is null || !FieldTypes.ComputedResults.Contains(result))
        {
            var names = string.Join(", ", FieldTypes.ComputedResults.Select(t => t.Name));
            errors.Add(MetadataError.Coded($"{path}.resultType", "resultType.1", $"resultType must be one of {names}.", names));
            return null;
        }

        return result;
    }
}
