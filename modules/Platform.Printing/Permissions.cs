using Platform.Abstractions.Permissions;

namespace Platform.Printing;

/// <summary>Permission names of the printing module. Printing a record needs only the right to read it.</summary>
public sealed class Permissions : IPermissionProvider
{
    /// <summary>Write, change and delete the print templates everyone prints with.</summary>
    public const string Design = "Printing.Design";

    /// <summary>Change the company's name, address, bank account, tax id and logo that documents print.</summary>
    public const string Company = "Printing.Company";

    public IEnumerable<PermissionDefinition> GetPermissions() =>
    [
        new(Design, "Printing.Permissions.Group", "Printing.Permissions.Design"),
        new(Company, "Printing.Permissions.Group", "Printing.Permissions.Company"),
    ];

    /// <summary>Whether the person has <paramref name="permission"/> (administrators have every one).</summary>
    public static bool Has(System.Security.Claims.ClaimsPrincipal user, string permission) =>
        user.IsInRole(Platform.Abstractions.Security.PlatformRoles.Administrator)
        || user.HasClaim(Platform.Abstractions.Security.PlatformClaimTypes.Permission, permission);
}
