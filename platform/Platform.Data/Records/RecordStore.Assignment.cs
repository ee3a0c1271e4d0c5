using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>
    /// Owner and department decide who sees a record, so setting them is a right of its own. Without
    /// <c>Records.{entity}.Assign</c> (or changing all records) a record must stay inside the actor's
    /// own reach: with "own" rights it stays theirs and their department's; with "department" rights
    /// it stays in their department, owned by someone there. Otherwise a salesperson could plant a
    /// record in a colleague's "own" list or in another department.
    /// </summary>
    private async Task<List<RecordFieldError>> AssignmentBeyondReachAsync(
        RecordsSchema schema, EntityDefinition entity, Dictionary<string, object> row, Dictionary<string, object>? before,
        IReadOnlyDictionary<string, object?> values, Actor actor, CancellationToken cancellationToken)
    {
        var moved = AssignableSystemFields.Select(f => f.Name)
            .Where(name => values.ContainsKey(name) && !Equals(row.GetValueOrDefault(name), Assigned(before, actor, name)))
            .ToList();
        if (moved.Count == 0
            || ScopeOf(schema, entity, actor, RecordAction.Assign) == RecordScope.All
            || ScopeOf(schema, entity, actor, RecordAction.Update) == RecordScope.All)
        {
            return [];
        }

        var owner = row.GetValueOrDefault(SystemFields.Owner) as string;
        var department = row.GetValueOrDefault(SystemFields.Department) as string;
        var withinReach = ScopeOf(schema, entity, actor, RecordAction.Update) == RecordScope.Department
            ? actor.DepartmentId is { } own && department == own
                && (owner == actor.UserId || owner is not null && await db.Users.AnyAsync(u => u.Id == owner && u.DepartmentId == own, cancellationToken))
            : owner == actor.UserId && department == actor.DepartmentId;
        return withinReach ? [] : [.. moved.Select(name => new RecordFieldError(name, localizer["Records.Error.AssignNotAllowed"]))];
    }

    /// <summary>What the field holds before the change: the record's value, or for a new record the creator and their department.</summary>
    private static object? Assigned(Dictionary<string, object>? before, Actor actor, string name) =>
        before is not null ? before.GetValueOrDefault(name)
        : name == SystemFields.Owner ? actor.UserId
        : actor.DepartmentId;
}
