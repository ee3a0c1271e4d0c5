using System.Xml.Linq;
using Platform.Bpmn.Parsing;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// An element's name in each language: BPMN has one <c>name</c>, so a name in another language is
/// written beside it as <c>platform:name-en="Sales manager approves"</c> (or <c>platform:name-zh-CN</c>).
/// Other modelers keep such attributes untouched, so the file still opens in Camunda Modeler.
/// </summary>
public sealed class ElementNames
{
    private const string Prefix = "name-";

    private readonly Dictionary<string, string> _byCulture = new(StringComparer.OrdinalIgnoreCase);

    private ElementNames(string? name) => Name = name;

    /// <summary>The <c>name</c> attribute: what any language without a name of its own shows.</summary>
    public string? Name { get; }

    public IReadOnlyDictionary<string, string> ByCulture => _byCulture;

    public static ElementNames Read(XElement element)
    {
        var names = new ElementNames((string?)element.Attribute("name") is { Length: > 0 } name ? name : null);
        foreach (var attribute in element.Attributes().Where(a => a.Name.Namespace == BpmnNamespaces.Platform && a.Name.LocalName.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            if (attribute.Value.Trim() is { Length: > 0 } value)
            {
                names._byCulture[attribute.Name.LocalName[Prefix.Length..]] = value;
            }
        }

        return names;
    }

    /// <summary>
    /// The name for <paramref name="culture"/> (<c>en-GB</c>), else for its language (<c>en</c>), else <see cref="Name"/>;
    /// null when the element has none. A sibling (<c>zh-TW</c> for <c>zh-CN</c>) is not taken: <c>name</c> is usually the closer one.
    /// </summary>
    public string? For(string culture) =>
        _byCulture.TryGetValue(culture, out var exact) ? exact
        : _byCulture.TryGetValue(culture.Split('-')[0], out var general) ? general
        : Name;

    /// <summary>The attribute that holds the name in <paramref name="culture"/>.</summary>
    public static XName AttributeFor(string culture) => BpmnNamespaces.Platform + (Prefix + culture);
}
