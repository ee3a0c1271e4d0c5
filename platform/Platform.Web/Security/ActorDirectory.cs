using Microsoft.AspNetCore.Identity;
using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>Builds the person's claims as a sign-in would (roles, permissions, department), so background work has exactly their rights of now.</summary>
internal sealed class ActorDirectory(SignInManager<PlatformUser> signIn) : IActorDirectory
{
    public async Task<Actor?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await signIn.UserManager.FindByIdAsync(userId);
        if (user is null || !await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return null;
        }

        return Actors.From(await signIn.CreateUserPrincipalAsync(user));
    }
}
