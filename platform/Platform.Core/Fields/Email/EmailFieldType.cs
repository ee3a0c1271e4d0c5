using System.Text.RegularExpressions;
using Platform.Core.Metadata;

namespace Platform.Core.Fields.Email;

/// <summary>An e-mail address, checked for its shape (name@domain.tld).</summary>
public sealed partial class EmailFieldType() : FieldType("email", typeof(string))
{
    public override int? DefaultMaxLength => 320;

    public override ValueFamily Family => ValueFamily.Text;

    public override FilterKind Filter => FilterKind.Text;

    public override FieldSetting Settings => base.Settings | FieldSetting.MaxLength;

    public override bool IdentifiesRecords => true;

    public override string EditedAs => "text";

    public override bool Searched => true;

    public override bool Names => true;

    public override FieldProblem? CheckValue(FieldDefinition field, object value) =>
        base.CheckValue(field, value) ?? (value is string text && !Shape().IsMatch(text) ? new FieldProblem("FieldTypes.Value.BadEmail") : null);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Shape();
}
