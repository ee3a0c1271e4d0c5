namespace Platform.Core.Security;

/// <summary>
/// A bearer token. Only its SHA-256 hash is stored; the secret is shown once when issued.
/// Sign-in tokens (<see cref="ApiTokenKind.SignIn"/>) expire; personal tokens live until their expiry or
/// until the owner or an administrator revokes them.
/// </summary>
public sealed class ApiToken
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public string UserId { get; set; } = "";

    public PlatformUser? User { get; set; }

    public ApiTokenKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The first characters of the secret, so people can tell their tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
