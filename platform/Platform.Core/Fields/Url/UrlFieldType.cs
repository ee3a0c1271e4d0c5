namespace Platform.Core.Fields.Url;

/// <summary>A web address; only http and https, so a link on a page can never run a script.</summary>
public sealed class UrlFieldType() : ShapedTextFieldType("url", 2000, "FieldTypes.Value.BadUrl")
{
    protected override bool Fits(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
