using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Workflows;
using Platform.Workflows.Engine;

namespace Platform.Approvals;

/// <summary>What the API and the inbox ask of tasks: a person's open tasks, oldest first.</summary>
internal static class TaskQueries
{
    /// <summary>Open tasks assigned to the actor, offered to them or one of their roles, or offered to nobody in particular.</summary>
    public static Task<List<WorkflowTask>> MineAsync(PlatformDbContext db, WorkflowActor actor, CancellationToken cancellationToken, int limit = 500)
    {
        var me = $"|{actor.UserId}|";
        // Ids are time-ordered (UUID v7): ordering by id is oldest first on every database. Candidate lists are |a|b| texts: "offered to me" is a LIKE per role, run in the database over open tasks only.
        var query = db.WorkflowTasks.AsNoTracking().Where(t => t.IsOpen);
        var offered = query.Where(t => t.Assignee == actor.UserId
            || (t.Assignee == null && (t.CandidateUsers.Contains(me) || (t.CandidateUsers == "" && t.CandidateRoles == ""))));
        foreach (var role in actor.Roles.Select(r => $"|{r}|"))
        {
            offered = offered.Union(query.Where(t => t.Assignee == null && t.CandidateRoles.Contains(role)));
        }

        return offered.OrderBy(t => t.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
