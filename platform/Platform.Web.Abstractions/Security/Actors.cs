using System.Security.Claims;
using Platform.Abstractions.Security;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Workflows;

namespace Platform.Web.Security;

/// <summary>The signed-in user as records and workflows see them: id, name, department, roles and the record rights their roles grant.</summary>
public static class Actors
{
    public static Actor From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.Identity!.Name!, user.FindFirstValue(PlatformClaimTypes.Department),
            new RecordAccess(user.IsInRole(PlatformRoles.Administrator), user.FindAll(PlatformClaimTypes.Permission).Select(c => c.Value)),
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList())
        {
            MayActForAnyone = IsAdministrator(user),
        };

    public static bool IsAdministrator(ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.Administrator) || user.HasClaim(PlatformClaimTypes.Permission, WorkflowPermissionNames.Administer);
}
