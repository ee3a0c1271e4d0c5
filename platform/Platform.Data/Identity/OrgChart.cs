using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;

namespace Platform.Data.Identity;

/// <summary>
/// Places an actor in the organisation when one of their record rights follows the tree (subordinates', sub-departments'),
/// and among the records shared with them or their department: read as they are now, so a change of manager or department,
/// or a new share, counts from the next request. Administrators and the platform pass unchanged, at no cost.
/// </summary>
public sealed class OrgChart(PlatformDbContext db)
{
    public async Task<Actor> PlaceAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (actor.Access is not { Unrestricted: false } access)
        {
            return actor;
        }

        if (actor.Shares is null)
        {
            var (user, department) = (actor.UserId, actor.DepartmentId);
            var shares = await db.RecordShares.AsNoTracking()
                .Where(s => s.UserId == user || (department != null && s.DepartmentId == department))
                .Select(s => new { s.EntityKey, s.RecordId, s.CanEdit })
                .ToListAsync(cancellationToken);
            actor = actor with { Shares = shares.Count == 0 ? SharedRecords.None : new SharedRecords(shares.Select(s => (s.EntityKey, s.RecordId, s.CanEdit))) };
        }

        if (actor.Org is not null || !access.UsesOrgTree)
        {
            return actor;
        }

        var tree = await TreeAsync(cancellationToken);
        return actor with { Org = tree.PositionOf(actor.UserId, actor.DepartmentId) };
    }

    /// <summary>The organisation as it stands: every department and every active person's department.</summary>
    public async Task<OrgTree> TreeAsync(CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId, d.ManagerId }).ToListAsync(cancellationToken);
        var people = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DepartmentId }).ToListAsync(cancellationToken);
        return new OrgTree(departments.Select(d => (d.Id, d.ParentId, d.ManagerId)), people.Select(p => (p.Id, p.DepartmentId)));
    }
}
