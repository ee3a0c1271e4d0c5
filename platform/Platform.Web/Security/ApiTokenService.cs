using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;
using Platform.Data;

namespace Platform.Web.Security;

/// <summary>Issues, finds and revokes bearer tokens. Only hashes are stored.</summary>
public sealed class ApiTokenService(PlatformDbContext db, TimeProvider clock) : IApiTokens
{
    public async Task<IssuedApiToken> IssueAsync(string userId, ApiTokenKind kind, string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        var secret = ApiTokenSecret.Create();
        var token = new ApiToken
        {
            UserId = userId,
            Kind = kind,
            Name = name,
            Prefix = ApiTokenSecret.PrefixOf(secret),
            Hash = ApiTokenSecret.Hash(secret),
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiToken(token, secret);
    }

    /// <summary>The active token with this secret and its user, or null.</summary>
    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(ApiTokenSecret.Marker, StringComparison.Ordinal) || secret.Length > 128)
        {
            return null;
        }

        var hash = ApiTokenSecret.Hash(secret);
        var token = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (token is null || !token.IsActiveAt(now))
        {
            return null;
        }

        // Recording use at most once a minute keeps a busy integration from writing on every call.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return token;
    }

    public Task<List<ApiToken>> ListAsync(string? userId, CancellationToken cancellationToken = default) =>
        db.ApiTokens.Include(t => t.User)
            .Where(t => t.Kind == ApiTokenKind.Personal && (userId == null || t.UserId == userId))
            .OrderBy(t => t.Name).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Revokes a token; <paramref name="ownerId"/>, when given, restricts it to that user's tokens.</summary>
    public async Task<bool> RevokeAsync(string tokenId, string revokedBy, string? ownerId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && (ownerId == null || t.UserId == ownerId), cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= clock.GetUtcNow();
        token.RevokedBy ??= revokedBy;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
