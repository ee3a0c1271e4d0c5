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
}
