namespace Platform.Core.Fields.Text;

/// <summary>One line of text (a name, a code): up to 200 characters unless the field says otherwise.</summary>
public sealed class TextFieldType() : FieldType("text", typeof(string))
{
    public override int? DefaultMaxLength => 200;

    public override ValueFamily Family => ValueFamily.Text;

    public override FilterKind Filter => FilterKind.Text;

    public override FieldSetting Settings => base.Settings | FieldSetting.MaxLength | FieldSetting.Pattern;

    public override bool IdentifiesRecords => true;

    public override bool Searched => true;

    public override bool Names => true;
}
