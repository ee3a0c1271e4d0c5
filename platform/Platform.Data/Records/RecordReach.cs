using Platform.Core.Records;
using Platform.Core.Security;

namespace Platform.Data.Records;

/// <summary>
/// The records a set of scopes covers for an actor, as the two things a record is reached by: its owner and its department.
/// All covers everything; own adds the actor, subordinates' adds the people below them; department adds theirs, the tree adds
/// every department below it too. Without the actor's place in the organisation, tree scopes reach no further than own and
/// department (never wider than granted). Records shared with the actor are reached by their id besides; unowned (a public
/// pool) reaches the records nobody owns.
/// </summary>
internal sealed record RecordReach(bool All, IReadOnlySet<string> Owners, IReadOnlySet<string> Departments, IReadOnlySet<Guid> Shared, bool Unowned = false)
{
    private static readonly IReadOnlySet<Guid> NoneShared = new HashSet<Guid>();

    public bool None => !All && Owners.Count == 0 && Departments.Count == 0 && Shared.Count == 0 && !Unowned;

    /// <param name="shared">Records shared with the actor for this action; they count only where some scope is granted.</param>
    public static RecordReach Of(IReadOnlyList<RecordScope> scopes, Actor actor, IReadOnlySet<Guid>? shared = null)
    {
        if (scopes.Contains(RecordScope.All))
        {
            return new(true, new HashSet<string>(), new HashSet<string>(), NoneShared);
        }

        var owners = new HashSet<string>(StringComparer.Ordinal);
        var departments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in scopes)
        {
            switch (scope)
            {
                case RecordScope.Own:
                    owners.Add(actor.UserId);
                    break;
                case RecordScope.Subordinates:
                    owners.Add(actor.UserId);
                    owners.UnionWith(actor.Org?.Subordinates ?? OrgPosition.Alone.Subordinates);
                    break;
                case RecordScope.Department when actor.DepartmentId is { } department:
                    departments.Add(department);
                    break;
                case RecordScope.DepartmentTree when actor.DepartmentId is { } department:
                    departments.Add(department);
                    departments.UnionWith(actor.Org?.DepartmentTree ?? OrgPosition.Alone.DepartmentTree);
                    break;
            }
        }

        return new(false, owners, departments, scopes.Count == 0 ? NoneShared : shared ?? NoneShared, scopes.Contains(RecordScope.Unowned));
    }

    /// <summary>Whether the record (its owner and department, or its id when shared) is within reach.</summary>
    public bool Covers(IReadOnlyDictionary<string, object> row) =>
        All || row.GetValueOrDefault(Core.Metadata.SystemFields.Owner) is string owner && Owners.Contains(owner)
            || Unowned && row.GetValueOrDefault(Core.Metadata.SystemFields.Owner) is null
            || row.GetValueOrDefault(Core.Metadata.SystemFields.Department) is string department && Departments.Contains(department)
            || Shared.Count > 0 && row.GetValueOrDefault(Core.Metadata.SystemFields.Id) is Guid id && Shared.Contains(id);
}
