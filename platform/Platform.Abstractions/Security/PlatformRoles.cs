namespace Platform.Abstractions.Security;

/// <summary>Roles the platform itself knows about.</summary>
public static class PlatformRoles
{
    /// <summary>Holds every permission, present and future.</summary>
    public const string Administrator = "Administrator";

    /// <summary>The description the Administrator role is created with; shown in the user's language while it is unchanged.</summary>
    public const string AdministratorDescription = "Holds every permission.";
}
