using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;

namespace Platform.Data.Identity;

/// <summary>
/// Places an actor in the organisation when one of their record rights follows the tree (subordinates', sub-departments'):
/// read from the departments and people as they are now, so a change of manager or department counts from the next request.
/// Everyone else passes unchanged, at no cost.
/// </summary>
public sealed class OrgChart(PlatformDbContext db)
{
    public async Task<Actor> PlaceAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (actor.Org is not null || actor.Access is not { Unrestricted: false } access || !access.UsesOrgTree)
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
