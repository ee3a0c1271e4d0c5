using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Platform.Web.Security;

/// <summary>
/// Turns a permission name used as a policy (<c>[Authorize(Policy = IdentityPermissions.ManageUsers)]</c>)
/// into a policy requiring that permission, so modules never register policies one by one.
/// </summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionCatalog permissions)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var policy = await base.GetPolicyAsync(policyName);
        if (policy is not null || !permissions.Exists(policyName))
        {
            return policy;
        }

        return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(policyName)).Build();
    }
}
