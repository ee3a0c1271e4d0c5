using Platform.Core.Metadata;

namespace Platform.Core.Fields.Lines;

/// <summary>
/// The lines of a document (order lines): records of <see cref="FieldDefinition.Target"/>, a line
/// entity, created, changed, reordered and removed together with their parent in one save. They
/// have no column in the parent's table.
/// </summary>
public sealed class LinesFieldType() : FieldType("lines", typeof(void))
{
    public override bool Wide => true;

    public override FieldSetting Settings => FieldSetting.Required | FieldSetting.Target;

    public override void CheckSettings(FieldDefinition field, string path, List<MetadataError> errors)
    {
        RefuseFormat(field, path, errors);
        if (MetadataNames.Problem(field.Target) is { } targetProblem)
        {
            errors.Add(MetadataError.Coded($"{path}.target", "target.2", $"Line items need the name of their line entity: {targetProblem}", targetProblem));
        }

        if (field.OnDelete is not null)
        {
            errors.Add(MetadataError.Coded($"{path}.onDelete", "onDelete.2", "Lines always go with their record; onDelete applies to lookups."));
        }

        if (field.Unique)
        {
            errors.Add(MetadataError.Coded($"{path}.unique", "unique.2", "Line items cannot be unique."));
        }

        RefuseChoices(field, path, errors);
    }
}
