using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;

namespace Platform.Data.Scripts;

/// <summary>The <c>user</c> object every script sees (record rules, formulas, workflow conditions and scripts), with the manager of the actor's department.</summary>
public static class ScriptUsers
{
    public static async Task<IReadOnlyDictionary<string, object?>> OfAsync(PlatformDbContext db, Actor actor, CancellationToken cancellationToken)
    {
        var manager = actor.DepartmentId is { } department
            ? await db.Departments.AsNoTracking().Where(d => d.Id == department).Select(d => d.ManagerId).SingleOrDefaultAsync(cancellationToken)
            : null;
        return actor.ScriptUser(manager);
    }
}
