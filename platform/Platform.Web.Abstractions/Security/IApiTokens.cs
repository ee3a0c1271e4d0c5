using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>Issues, finds and revokes bearer tokens; only their hashes are stored.</summary>
public interface IApiTokens
{
    /// <summary>How long a token issued at sign-in (<c>POST /api/auth/token</c>) lasts.</summary>
    static readonly TimeSpan SignInTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>A new token; its secret is shown once, in the result, and never again.</summary>
    Task<IssuedApiToken> IssueAsync(string userId, ApiTokenKind kind, string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default);

    /// <summary>The active token with this secret and its user, or null.</summary>
    Task<ApiToken?> FindActiveAsync(string secret, CancellationToken cancellationToken = default);

    /// <summary>The tokens of one user, or of everyone when <paramref name="userId"/> is null, newest first.</summary>
    Task<List<ApiToken>> ListAsync(string? userId, CancellationToken cancellationToken = default);

    /// <summary>Revokes a token; <paramref name="ownerId"/>, when given, restricts it to that user's tokens.</summary>
    Task<bool> RevokeAsync(string tokenId, string revokedBy, string? ownerId, CancellationToken cancellationToken = default);
}
