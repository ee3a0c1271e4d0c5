namespace Platform.Abstractions.Security;

/// <summary>Roles the platform itself knows about.</summary>
public static class PlatformRoles
{
    /// <summary>Holds every permission, present and future.</summary>
    public const string Administrator = "Administrator";
}
