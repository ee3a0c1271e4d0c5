using Microsoft.Extensions.Localization;
using Platform.Abstractions.Security;

namespace Platform.Identity.Components.Common;

/// <summary>
/// A role as people read it: the built-in Administrator role in the user's language (its stored
/// name stays the key permissions are checked by); every other role as its administrator named it.
/// </summary>
public static class RoleText
{
    public static string Name(string role, IStringLocalizer localizer) =>
        role == PlatformRoles.Administrator ? localizer["Identity.Roles.Administrator"] : role;

    public static string? Description(string role, string? description, IStringLocalizer localizer) =>
        role == PlatformRoles.Administrator && description == PlatformRoles.AdministratorDescription ? localizer["Identity.Roles.AdministratorDescription"] : description;
}
