using System.Reflection;
using System.Text.Json;
using Platform.Abstractions.Configuration;

namespace Platform.Web.Localization;

/// <summary>
/// UI text of every enabled module, read from the JSON files each assembly embeds as
/// <c>localization:{culture}.json</c> (a flat object of key → text). Keys are namespaced by
/// module (<c>Identity.Users.Title</c>); a key defined twice is a start-up error.
/// </summary>
public sealed class LocalizationCatalog
{
    private readonly Dictionary<string, Dictionary<string, string>> _byCulture = new(StringComparer.OrdinalIgnoreCase);

    public LocalizationCatalog(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var (culture, texts) in Read(assembly))
            {
                if (!_byCulture.TryGetValue(culture, out var all))
                {
                    _byCulture[culture] = all = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                foreach (var (key, text) in texts)
                {
                    if (!all.TryAdd(key, text))
                    {
                        throw new PlatformConfigurationException($"Localization key '{key}' ({culture}) is defined twice; the second is in {assembly.GetName().Name}.");
                    }
                }
            }
        }
    }

    public IReadOnlyCollection<string> Cultures => _byCulture.Keys;

    public IReadOnlyDictionary<string, string> TextsOf(string culture) =>
        _byCulture.TryGetValue(culture, out var texts) ? texts : new Dictionary<string, string>();

    public bool TryGet(string culture, string key, out string text)
    {
        text = "";
        return _byCulture.TryGetValue(culture, out var texts) && texts.TryGetValue(key, out text!);
    }

    public static IEnumerable<(string Culture, Dictionary<string, string> Texts)> Read(Assembly assembly)
    {
        const string prefix = "localization:";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var culture = name[prefix.Length..^".json".Length];
            using var stream = assembly.GetManifestResourceStream(name)!;
            Dictionary<string, string>? texts;
            try
            {
                texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream);
            }
            catch (JsonException e)
            {
                throw new PlatformConfigurationException($"{assembly.GetName().Name}: {culture}.json is not a flat JSON object of strings: {e.Message}", e);
            }

            yield return (culture, texts ?? []);
        }
    }
}
