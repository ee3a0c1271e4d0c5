namespace Platform.Core.Fields.LongText;

/// <summary>Notes and descriptions: text of any length, shown across the form, searched but never indexed.</summary>
public sealed class LongTextFieldType() : FieldType("longText", typeof(string))
{
    public override ValueFamily Family => ValueFamily.Text;

    public override FilterKind Filter => FilterKind.Text;

    public override FieldSetting Settings => FieldSetting.Required | FieldSetting.Expressions;

    public override string EditedAs => "text";

    public override bool Searched => true;

    public override bool Indexable => false;

    public override bool Wide => true;

    public override bool Summarises => false;
}
