namespace Platform.Abstractions.Permissions;

/// <summary>
/// A named right (<c>Module.Resource.Action</c>). <see cref="GroupKey"/> and <see cref="TextKey"/>
/// are localization keys used where administrators grant permissions to roles.
/// </summary>
public sealed record PermissionDefinition(string Name, string GroupKey, string TextKey);
