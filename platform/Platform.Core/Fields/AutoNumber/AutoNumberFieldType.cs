using Platform.Core.Metadata;

namespace Platform.Core.Fields.AutoNumber;

/// <summary>A number the platform assigns on create from <see cref="FieldDefinition.Format"/>, e.g. <c>SO-{yyyy}{MM}-{#####}</c>.</summary>
public sealed class AutoNumberFieldType() : FieldType("autoNumber", typeof(string))
{
    public override int? DefaultMaxLength => 100;

    public override bool SetByPlatform => true;

    public override FilterKind Filter => FilterKind.Text;

    public override FieldSetting Settings => FieldSetting.Unique | FieldSetting.Format | FieldSetting.NumberGaps;

    public override bool IdentifiesRecords => true;

    public override string EditedAs => "text";

    public override bool Searched => true;

    public override bool Names => true;

    public override void CheckSettings(FieldDefinition field, string path, List<MetadataError> errors)
    {
        if (AutoNumberFormat.Parse(field.Format, $"{path}.format", out MetadataError? formatProblem) is null)
        {
            errors.Add(formatProblem!);
        }

        RefuseTarget(field, path, errors);
        RefuseChoices(field, path, errors);
    }
}
