using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Security;
using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>Adds the display name, department and UI language to the user's claims (roles and their permission claims come from the base).</summary>
internal sealed class PlatformUserClaimsPrincipalFactory(
    UserManager<PlatformUser> users, RoleManager<PlatformRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PlatformUser, PlatformRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PlatformClaimTypes.DisplayName, user.Title));
        if (user.DepartmentId is not null)
        {
            identity.AddClaim(new Claim(PlatformClaimTypes.Department, user.DepartmentId));
        }

        if (user.PreferredCulture is not null)
        {
            identity.AddClaim(new Claim(PlatformClaimTypes.Culture, user.PreferredCulture));
        }

        return identity;
    }
}
