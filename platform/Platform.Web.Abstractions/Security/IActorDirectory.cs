using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>
/// A person as records see them when they are not at the keyboard: work they started that goes on in the
/// background (an import taken up by another host) runs with their rights as they are now.
/// </summary>
public interface IActorDirectory
{
    /// <summary>The person with their current roles and rights; null when they no longer exist or may not sign in.</summary>
    Task<Actor?> FindAsync(string userId, CancellationToken cancellationToken = default);
}
