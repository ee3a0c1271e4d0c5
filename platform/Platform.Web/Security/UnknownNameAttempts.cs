using System.Collections.Concurrent;

namespace Platform.Web.Security;

/// <summary>
/// Failed sign-ins with names no account has, counted as if they had one: after as many failures
/// as lock a real account, the name answers "locked" too, so the lockout message does not reveal
/// which names exist. Kept in memory (a guesser learns nothing new from a restart) and bounded.
/// </summary>
public sealed class UnknownNameAttempts
{
    private const int MaxNames = 10_000;
    private readonly ConcurrentDictionary<string, Attempts> _names = new(StringComparer.Ordinal);

    /// <summary>Counts one failure; true when the name is now "locked".</summary>
    public bool Fail(string normalizedName, DateTimeOffset now)
    {
        if (_names.Count >= MaxNames)
        {
            foreach (var stale in _names.Where(n => n.Value.Until is { } until && until <= now || n.Value.Since < now - PlatformIdentity.LockoutDuration))
            {
                _names.TryRemove(stale.Key, out _);
            }

            if (_names.Count >= MaxNames)
            {
                // A flood of fresh names: forget them all rather than grow without bound (real accounts are counted in the database).
                _names.Clear();
            }
        }

        var attempts = _names.AddOrUpdate(normalizedName, _ => new Attempts(1, now, null), (_, old) => old.Until is { } until && until > now
            ? old
            : old.Count + 1 >= PlatformIdentity.MaxFailedSignIns
                ? new Attempts(0, now, now + PlatformIdentity.LockoutDuration)
                : new Attempts(old.Count + 1, old.Since, null));
        return attempts.Until > now;
    }

    private sealed record Attempts(int Count, DateTimeOffset Since, DateTimeOffset? Until);
}
