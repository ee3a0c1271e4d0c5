using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Platform.Web.Localization;

/// <summary>
/// Looks a key up in the current UI culture, then its parent, then English; a key found nowhere
/// comes back as itself with <see cref="LocalizedString.ResourceNotFound"/> set.
/// </summary>
public sealed class CatalogStringLocalizer(LocalizationCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var found = TryFind(name, out var text);
            return new LocalizedString(name, found ? text : name, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.TextsOf(Resolve(CultureInfo.CurrentUICulture)).Select(p => new LocalizedString(p.Key, p.Value));

    private bool TryFind(string key, out string text)
    {
        for (var culture = CultureInfo.CurrentUICulture; !Equals(culture, CultureInfo.InvariantCulture); culture = culture.Parent)
        {
            if (catalog.TryGet(culture.Name, key, out text))
            {
                return true;
            }
        }

        return catalog.TryGet(PlatformCultures.English, key, out text);
    }

    private static string Resolve(CultureInfo culture) => PlatformCultures.Normalize(culture.Name) ?? PlatformCultures.English;
}
