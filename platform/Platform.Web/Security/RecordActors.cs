using System.Security.Claims;
using Platform.Abstractions.Security;
using Platform.Core.Records;
using Platform.Data.Records;

namespace Platform.Web.Security;

/// <summary>The signed-in user as the record service sees them: id, name, department and the record rights their roles grant.</summary>
public static class RecordActors
{
    public static RecordActor From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.Identity!.Name!, user.FindFirstValue(PlatformClaimTypes.Department),
            new RecordAccess(user.IsInRole(PlatformRoles.Administrator), user.FindAll(PlatformClaimTypes.Permission).Select(c => c.Value)),
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList());
}
