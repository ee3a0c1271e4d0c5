using Platform.Core.Metadata;

namespace Platform.Core.Fields.Url;

/// <summary>A web address; only http and https, so a link on a page can never run a script.</summary>
public sealed class UrlFieldType() : FieldType("url", typeof(string))
{
    public override int? DefaultMaxLength => 2000;

    public override ValueFamily Family => ValueFamily.Text;

    public override FilterKind Filter => FilterKind.Text;

    public override FieldSetting Settings => base.Settings | FieldSetting.MaxLength;

    public override string EditedAs => "text";

    public override FieldProblem? CheckValue(FieldDefinition field, object value) =>
        base.CheckValue(field, value) ?? (value is string text && !IsWebAddress(text) ? new FieldProblem("FieldTypes.Value.BadUrl") : null);

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
