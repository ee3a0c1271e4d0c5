using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Records.Notifications;

namespace Platform.Bpmn.Engine;

/// <summary>
/// Who holds a role, for telling the people a task offered to the role waits for — read at most every
/// 30 seconds per role, so a busy engine does not query role membership inside every step (SQLite has
/// one writer: a read in a step holds up every step behind it). Someone given the role a moment ago may
/// miss a notice; the task itself is offered by role, never by this list.
/// </summary>
public sealed class RoleHolders(TimeProvider clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Read, List<string> Holders)> _byRole = new(StringComparer.OrdinalIgnoreCase);

    public async Task<List<string>> OfAsync(PlatformDbContext db, string role, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_byRole.TryGetValue(role, out var known) && now - known.Read < Freshness)
        {
            return known.Holders;
        }

        var normalized = role.ToUpperInvariant();
        var holders = await (from link in db.UserRoles
                             join held in db.Roles on link.RoleId equals held.Id
                             where held.NormalizedName == normalized
                             orderby link.UserId
                             select link.UserId).Take(INotificationCentre.MostRecipients).ToListAsync(cancellationToken);
        _byRole[role] = (now, holders);
        return holders;
    }
}
