using Platform.Core.Metadata;

namespace Platform.Core.Fields.Lookup;

/// <summary>
/// A reference to a record of <see cref="FieldDefinition.Target"/> (many-to-one: an order's
/// customer), stored as its id; <see cref="FieldDefinition.OnDelete"/> says what deleting the
/// target does. Spreadsheet cells stay text until the import finds the record they name.
/// </summary>
public sealed class LookupFieldType() : FieldType("lookup", typeof(Guid))
{
    public override FilterKind Filter => FilterKind.RecordId;

    public override FieldSetting Settings => base.Settings | FieldSetting.Target | FieldSetting.OnDelete;

    public override void CheckSettings(FieldDefinition field, string path, List<MetadataError> errors)
    {
        RefuseFormat(field, path, errors);
        if (MetadataNames.Problem(field.Target) is { } targetProblem)
        {
            errors.Add(MetadataError.Coded($"{path}.target", "target.1", $"A lookup needs the name of the entity it refers to: {targetProblem}", targetProblem));
        }

        if (field.OnDelete is not null && !LookupDeleteRules.All.Contains(field.OnDelete))
        {
            errors.Add(MetadataError.Coded($"{path}.onDelete", "onDelete.1", $"onDelete must be one of {string.Join(", ", LookupDeleteRules.All)}.", string.Join(", ", LookupDeleteRules.All)));
        }

        RefuseChoices(field, path, errors);
    }
}
