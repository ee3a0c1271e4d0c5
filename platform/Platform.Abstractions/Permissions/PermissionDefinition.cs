namespace Platform.Abstractions.Permissions;

/// <summary>
/// A named right (<c>Module.Resource.Action</c>). <see cref="GroupKey"/> and <see cref="TextKey"/>
/// are localization keys used where administrators grant permissions to roles; permissions about
/// things users name (an entity) carry the group's display text in <see cref="GroupText"/> instead.
/// </summary>
public sealed record PermissionDefinition(string Name, string GroupKey, string TextKey, string? GroupText = null);
