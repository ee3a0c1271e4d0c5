using Microsoft.Extensions.Localization;

namespace Platform.Web.Localization;

/// <summary>Every localizer, whatever type it is asked for, reads the one catalog.</summary>
internal sealed class CatalogStringLocalizerFactory(LocalizationCatalog catalog) : IStringLocalizerFactory
{
    private readonly CatalogStringLocalizer _localizer = new(catalog);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
