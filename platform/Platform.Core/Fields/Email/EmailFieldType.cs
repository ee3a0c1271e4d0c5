using System.Text.RegularExpressions;

namespace Platform.Core.Fields.Email;

/// <summary>An e-mail address, checked for its shape (name@domain.tld); it can name a record and find it in an import.</summary>
public sealed partial class EmailFieldType() : ShapedTextFieldType("email", 320, "FieldTypes.Value.BadEmail")
{
    public override bool Searched => true;

    public override bool Names => true;

    public override bool IdentifiesRecords => true;

    protected override bool Fits(string text) => Shape().IsMatch(text);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Shape();
}
