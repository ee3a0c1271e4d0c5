using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;
using Platform.Data;

namespace Platform.Web.Security;

/// <summary>
/// Checks a user name and password for the sign-in page and the token endpoint, holding against
/// guessing:
/// <list type="bullet">
/// <item>failures are counted by one UPDATE in the database (<c>count = count + 1</c>), so guesses sent
/// in parallel all count, on one host or several, and the fifth locks the account;</item>
/// <item>an unknown name costs what a known one costs — the password is hashed against a decoy — and
/// is "locked" after as many failures, so neither timing nor the lockout message tells which names
/// exist;</item>
/// <item>a locked account is answered "locked" whatever the password, after the same hashing.</item>
/// </list>
/// </summary>
public sealed class PasswordCheck(
    UserManager<PlatformUser> users, PlatformDbContext db, IPasswordHasher<PlatformUser> hasher, UnknownNameAttempts unknownNames, TimeProvider clock) : IPasswordCheck
{
    private static readonly PlatformUser Decoy = new() { UserName = "decoy" };
    private static string? _decoyHash;

    public async Task<PasswordCheckResult> CheckAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var name = userName.Trim();
        var user = await users.FindByNameAsync(name);
        var now = clock.GetUtcNow();
        if (user is null)
        {
            hasher.VerifyHashedPassword(Decoy, DecoyHash(), password);
            return new PasswordCheckResult(null, unknownNames.Fail(users.NormalizeName(name), now));
        }

        if (user.LockoutEnabled && user.LockoutEnd > now)
        {
            hasher.VerifyHashedPassword(user, user.PasswordHash ?? DecoyHash(), password);
            return new PasswordCheckResult(null, LockedOut: true);
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            await db.Users.Where(u => u.Id == user.Id && u.AccessFailedCount != 0)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.AccessFailedCount, 0), cancellationToken);
            return new PasswordCheckResult(user, LockedOut: false);
        }

        return new PasswordCheckResult(null, user.LockoutEnabled && await CountFailureAsync(user.Id, now, cancellationToken));
    }

    /// <summary>Adds one failure in a single statement; the one that reaches the limit locks the account. True when it is now locked.</summary>
    private async Task<bool> CountFailureAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = PlatformIdentity.MaxFailedSignIns;
        DateTimeOffset? lockedUntil = now + PlatformIdentity.LockoutDuration;
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u
            .SetProperty(x => x.LockoutEnd, x => x.AccessFailedCount + 1 >= limit ? lockedUntil : x.LockoutEnd)
            .SetProperty(x => x.AccessFailedCount, x => x.AccessFailedCount + 1 >= limit ? 0 : x.AccessFailedCount + 1), cancellationToken);
        var lockoutEnd = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.LockoutEnd).SingleOrDefaultAsync(cancellationToken);
        return lockoutEnd > now;
    }

    private string DecoyHash() => _decoyHash ??= hasher.HashPassword(Decoy, Guid.NewGuid().ToString());
}
