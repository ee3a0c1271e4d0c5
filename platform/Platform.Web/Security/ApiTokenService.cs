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
            await NoteUseAsync(token, now, cancellationToken);
        }

        return token;
    }

    /// <summary>How long noting a token's use may wait for the database before it is left for the token's next call.</summary>
    public static readonly TimeSpan UseNoteWait = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Notes when the token was last used, as a courtesy that never holds up the call: while another change holds the database's
    /// writes (SQLite has one writer, and an all-or-nothing import holds it for its length) the note is given up after
    /// <see cref="UseNoteWait"/> and made on a later call, so reading never waits behind a long write.
    /// </summary>
    private async Task NoteUseAsync(ApiToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wait = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(UseNoteWait);
        try
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), cancellationToken);
            token.LastUsedAt = now;
            db.Entry(token).Property(t => t.LastUsedAt).IsModified = false;
        }
        catch (System.Data.Common.DbException)
        {
            // The database is busy: noted on a later call.
        }
        finally
        {
            db.Database.SetCommandTimeout(wait);
        }
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
