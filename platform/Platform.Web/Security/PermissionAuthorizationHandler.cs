using Microsoft.AspNetCore.Authorization;
using Platform.Abstractions.Security;

namespace Platform.Web.Security;

internal sealed class PermissionAuthorizationHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && (user.IsInRole(PlatformRoles.Administrator) || user.HasClaim(PlatformClaimTypes.Permission, requirement.Permission)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
