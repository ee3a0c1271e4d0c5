using System.Text.RegularExpressions;

namespace Platform.Core.Fields.Phone;

/// <summary>A phone number: digits with an optional +, brackets, dashes and spaces; it can name a record and find it in an import.</summary>
public sealed partial class PhoneFieldType() : ShapedTextFieldType("phone", 50, "FieldTypes.Value.BadPhone")
{
    public override bool Searched => true;

    public override bool Names => true;

    public override bool IdentifiesRecords => true;

    protected override bool Fits(string text) => Shape().IsMatch(text);

    [GeneratedRegex(@"^\+?[0-9()\-\s]{3,49}$")]
    private static partial Regex Shape();
}
