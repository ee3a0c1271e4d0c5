using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;

namespace Platform.Data.Records.Saving;

/// <summary>
/// Owner and department decide who sees a record, so setting them is a right of its own. Without
/// <c>Records.{entity}.Assign</c> (or changing all records) a record must stay inside the actor's own
/// reach: with "own" rights it stays theirs and their department's; with "subordinates'" rights it may go to someone below
/// them, in that person's department; with "department" rights it stays in their department (or, with the tree, a department
/// below it), owned by someone there. Otherwise a salesperson could plant a record in a
/// colleague's "own" list or in another department. Runs only when every other value holds.
/// </summary>
internal sealed class CheckAssignment(PlatformDbContext db, IStringLocalizer localizer) : IRowCheck
{
    public async Task CheckAsync(RowSave save, CancellationToken cancellationToken)
    {
        var (schema, entity, row, actor) = (save.Schema, save.Entity, save.Row, save.Actor);
        var moved = AssignableFields.All.Select(f => f.Name)
            .Where(name => save.Values.ContainsKey(name) && !Equals(row.GetValueOrDefault(name), Assigned(save.Before, actor, name)))
            .ToList();
        if (save.Errors.Count > 0
            || moved.Count == 0
            || RecordStore.ScopeOf(schema, entity, actor, RecordAction.Assign) == RecordScope.All
            || RecordStore.ScopeOf(schema, entity, actor, RecordAction.Update) == RecordScope.All)
        {
            return;
        }

        // A record reached only because it was shared with them is not theirs to hand on (nor to take).
        if (save.Before is { } before && !RecordStore.ScopedReachOf(schema, entity, actor, RecordAction.Update).Covers(before))
        {
            save.Errors.AddRange(moved.Select(name => new RecordFieldError(name, localizer["Records.Error.AssignNotAllowed"])));
            return;
        }

        var owner = row.GetValueOrDefault(SystemFields.Owner) as string;
        var department = row.GetValueOrDefault(SystemFields.Department) as string;
        var withinReach = false;
        foreach (var scope in actor.Rights.ScopesOf(RecordStore.PermissionEntity(schema, entity), RecordAction.Update).DefaultIfEmpty(RecordScope.Own))
        {
            withinReach |= scope switch
            {
                // Kept theirs, in their department.
                RecordScope.Own => owner == actor.UserId && department == actor.DepartmentId,
                // Given to someone below them, in that person's department (or kept theirs).
                RecordScope.Subordinates => (owner == actor.UserId && department == actor.DepartmentId)
                    || (owner is not null && actor.Org?.Subordinates.Contains(owner) == true && department is not null
                        && await db.Users.AnyAsync(u => u.Id == owner && u.DepartmentId == department, cancellationToken)),
                // Kept in their department (or the departments below it), owned by someone there.
                RecordScope.Department or RecordScope.DepartmentTree => department is not null && InDepartments(scope, actor, department)
                    && (owner == actor.UserId || owner is not null && await db.Users.AnyAsync(u => u.Id == owner && u.DepartmentId == department, cancellationToken)),
                _ => false,
            };
        }

        if (!withinReach)
        {
            save.Errors.AddRange(moved.Select(name => new RecordFieldError(name, localizer["Records.Error.AssignNotAllowed"])));
        }
    }

    private static bool InDepartments(RecordScope scope, Actor actor, string department) =>
        department == actor.DepartmentId || (scope == RecordScope.DepartmentTree && actor.Org?.DepartmentTree.Contains(department) == true);

    /// <summary>What the field holds before the change: the record's value, or for a new record the creator and their department.</summary>
    private static object? Assigned(Dictionary<string, object>? before, Actor actor, string name) =>
        before is not null ? before.GetValueOrDefault(name)
        : name == SystemFields.Owner ? actor.UserId
        : actor.DepartmentId;
}
