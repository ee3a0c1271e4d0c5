using Platform.Core.Metadata;

namespace Platform.Core.Fields;

/// <summary>
/// Text that must have a shape (an e-mail address, a phone number, a web address): one line, searched
/// like text, edited in a text box, refused with <see cref="ShapeProblem"/> when it does not fit.
/// </summary>
public abstract class ShapedTextFieldType(string name, int maxLength, string shapeProblem) : FieldType(name, typeof(string))
{
    public override int? DefaultMaxLength => maxLength;

    public override ValueFamily Family => ValueFamily.Text;

    public override FilterKind Filter => FilterKind.Text;

    public override string EditedAs => "text";

    public override FieldSetting Settings => base.Settings | FieldSetting.MaxLength;

    /// <summary>The text key of the refusal (<c>FieldTypes.Value.BadEmail</c>).</summary>
    public string ShapeProblem { get; } = shapeProblem;

    public override FieldProblem? CheckValue(FieldDefinition field, object value) =>
        base.CheckValue(field, value) ?? (value is string text && !Fits(text) ? new FieldProblem(ShapeProblem) : null);

    protected abstract bool Fits(string text);
}
