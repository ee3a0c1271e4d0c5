using System.Security.Claims;
using Platform.Abstractions.Security;
using Platform.Workflows.Engine;

namespace Platform.Approvals.Endpoints;

/// <summary>The signed-in user as the workflow engine sees them.</summary>
internal static class WorkflowActors
{
    public static WorkflowActor From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.Identity!.Name!, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            user.FindFirstValue(PlatformClaimTypes.Department), IsAdministrator(user));

    public static bool IsAdministrator(ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.Administrator) || user.HasClaim(PlatformClaimTypes.Permission, Permissions.Administer);
}
