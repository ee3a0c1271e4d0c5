using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>The outcome of a password check: the user on success, else why not (never which part was wrong).</summary>
public sealed record PasswordCheckResult(PlatformUser? User, bool LockedOut)
{
    public bool Succeeded => User is not null;
}

/// <summary>
/// Checks a user name and password for the sign-in page and the token endpoint: failures count
/// towards a lockout on every node, and an unknown name answers exactly as a known one would.
/// </summary>
public interface IPasswordCheck
{
    Task<PasswordCheckResult> CheckAsync(string userName, string password, CancellationToken cancellationToken = default);
}
