namespace Platform.Core.Records;

/// <summary>What a record operation needs: reading, creating, changing or deleting (to the recycle bin and back).</summary>
public enum RecordAction
{
    Read,
    Create,
    Update,
    Delete,

    /// <summary>Handing records to another owner or department (assign, transfer); granted without a scope.</summary>
    Assign,
}

/// <summary>
/// Which records of an entity a right covers: none; the user's own; their own and their subordinates' (people whose manager
/// chain leads to them); their department's; their department's and its sub-departments'; or all. Scopes granted together add up.
/// </summary>
public enum RecordScope
{
    None,
    Own,
    Department,
    All,
    Subordinates,
    DepartmentTree,

    /// <summary>Records nobody owns (a public pool, 公海): granted to read beside the person's own, never alone to change.</summary>
    Unowned,
}

/// <summary>
/// A user's rights on records, from the permissions their roles grant: per entity and action, the
/// widest scope granted (<c>Records.customer.Read.Department</c>). Administrators and the platform
/// itself (workflows, packages) are unrestricted.
/// </summary>
public sealed class RecordAccess
{
    private readonly HashSet<string> _permissions;

    public RecordAccess(bool unrestricted, IEnumerable<string> permissions)
    {
        Unrestricted = unrestricted;
        _permissions = new HashSet<string>(permissions, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The platform acting on its own behalf, and administrators.</summary>
    public static RecordAccess Everything { get; } = new(true, []);

    public bool Unrestricted { get; }

    /// <summary>Whether the actor holds the permission (administrators and the platform hold every one).</summary>
    public bool Holds(string permission) => Unrestricted || _permissions.Contains(permission);

    /// <summary>Whether any right reaches records through the organisation tree (subordinates, sub-departments): then the actor's place in it is needed.</summary>
    public bool UsesOrgTree => _permissions.Any(p => p.EndsWith("." + nameof(RecordScope.Subordinates), StringComparison.OrdinalIgnoreCase)
        || p.EndsWith("." + nameof(RecordScope.DepartmentTree), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The widest scope granted, for questions of "any" or "all" (may they read at all, may they change every record); which
    /// records a mix of scopes covers is <see cref="ScopesOf"/>.
    /// </summary>
    public RecordScope ScopeOf(string entity, RecordAction action) => ScopesOf(entity, action) is [var widest, ..] ? widest : RecordScope.None;

    /// <summary>
    /// Every scope granted for the action, widest first, without those a wider one already covers (own within subordinates',
    /// the department within its tree, everything within all); empty when none is.
    /// </summary>
    public IReadOnlyList<RecordScope> ScopesOf(string entity, RecordAction action)
    {
        if (Unrestricted)
        {
            return [RecordScope.All];
        }

        if (action is RecordAction.Create or RecordAction.Assign)
        {
            return _permissions.Contains(RecordPermissions.Name(entity, action, RecordScope.All)) ? [RecordScope.All] : [];
        }

        var granted = RecordPermissions.Scopes.Where(scope => _permissions.Contains(RecordPermissions.Name(entity, action, scope))).ToHashSet();
        if (granted.Contains(RecordScope.All))
        {
            return [RecordScope.All];
        }

        if (granted.Contains(RecordScope.DepartmentTree))
        {
            granted.Remove(RecordScope.Department);
        }

        if (granted.Contains(RecordScope.Subordinates))
        {
            granted.Remove(RecordScope.Own);
        }

        return [.. Widest.Where(granted.Contains)];
    }

    private static readonly RecordScope[] Widest = [RecordScope.All, RecordScope.DepartmentTree, RecordScope.Department, RecordScope.Subordinates, RecordScope.Own, RecordScope.Unowned];
}
