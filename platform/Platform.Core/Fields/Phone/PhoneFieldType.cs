using System.Text.RegularExpressions;
using Platform.Core.Metadata;

namespace Platform.Core.Fields.Phone;

/// <summary>A phone number: digits with an optional +, brackets, dashes and spaces.</summary>
public sealed partial class PhoneFieldType() : FieldType("phone", typeof(string))
{
    public override int? DefaultMaxLength => 50;

    public override ValueFamily Family => ValueFamily.Text;

    public override FilterKind Filter => FilterKind.Text;

    public override FieldSetting Settings => base.Settings | FieldSetting.MaxLength;

    public override bool IdentifiesRecords => true;

    public override string EditedAs => "text";

    public override bool Searched => true;

    public override bool Names => true;

    public override FieldProblem? CheckValue(FieldDefinition field, object value) =>
        base.CheckValue(field, value) ?? (value is string text && !Shape().IsMatch(text) ? new FieldProblem("FieldTypes.Value.BadPhone") : null);

    [GeneratedRegex(@"^\+?[0-9()\-\s]{3,49}$")]
    private static partial Regex Shape();
}
