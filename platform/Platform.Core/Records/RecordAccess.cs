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

/// <summary>Which records of an entity a right covers: none, the user's own, their department's, or all.</summary>
public enum RecordScope
{
    None,
    Own,
    Department,
    All,
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

    public RecordScope ScopeOf(string entity, RecordAction action)
    {
        if (Unrestricted)
        {
            return RecordScope.All;
        }

        if (action is RecordAction.Create or RecordAction.Assign)
        {
            return _permissions.Contains(RecordPermissions.Name(entity, action, RecordScope.All)) ? RecordScope.All : RecordScope.None;
        }

        foreach (var scope in new[] { RecordScope.All, RecordScope.Department, RecordScope.Own })
        {
            if (_permissions.Contains(RecordPermissions.Name(entity, action, scope)))
            {
                return scope;
            }
        }

        return RecordScope.None;
    }
}
