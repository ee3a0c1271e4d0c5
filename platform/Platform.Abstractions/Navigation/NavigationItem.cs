namespace Platform.Abstractions.Navigation;

/// <summary>
/// A menu entry as data. <see cref="TextKey"/> is a localization key; <see cref="Permission"/>, when
/// set, hides the entry from users who lack it. Entries with children and no route are groups.
/// </summary>
public sealed record NavigationItem(
    string TextKey,
    string? Href = null,
    string Icon = "circle",
    int Order = 0,
    string? Permission = null)
{
    public IReadOnlyList<NavigationItem> Children { get; init; } = [];

    /// <summary>
    /// For entries app packages define: the text in each language (<c>zh-CN</c>, <c>en</c>), shown
    /// instead of the localized <see cref="TextKey"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Texts { get; init; }

    /// <summary>The entry's own text for <paramref name="culture"/> (its language, else English, else any); null when it has none.</summary>
    public string? TextFor(string culture)
    {
        if (Texts is not { Count: > 0 } texts)
        {
            return null;
        }

        var language = culture.Split('-')[0];
        return texts.TryGetValue(culture, out var exact) ? exact
            : texts.FirstOrDefault(p => p.Key.Split('-')[0].Equals(language, StringComparison.OrdinalIgnoreCase)).Value
              ?? (texts.TryGetValue("en", out var english) ? english : texts.Values.First());
    }
}
