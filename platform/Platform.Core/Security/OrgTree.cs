namespace Platform.Core.Security;

/// <summary>
/// The organisation as record scopes and approvals read it: departments in a tree, each with an optional manager, and people in
/// departments. A person's manager is the manager of their department, or — for the manager themselves, or a department without
/// one — the manager of the nearest department above. Subordinates are everyone whose chain of managers leads to a person.
/// </summary>
public sealed class OrgTree
{
    private readonly Dictionary<string, (string? Parent, string? Manager)> _departments;
    private readonly Dictionary<string, string?> _departmentOf;
    private readonly ILookup<string, string> _children;

    public OrgTree(IEnumerable<(string Id, string? ParentId, string? ManagerId)> departments, IEnumerable<(string Id, string? DepartmentId)> people)
    {
        _departments = departments.ToDictionary(d => d.Id, d => (d.ParentId, d.ManagerId), StringComparer.Ordinal);
        _departmentOf = people.ToDictionary(p => p.Id, p => p.DepartmentId, StringComparer.Ordinal);
        _children = _departments.Where(d => d.Value.Parent is not null).ToLookup(d => d.Value.Parent!, d => d.Key, StringComparer.Ordinal);
    }

    /// <summary>The person's manager; null at the top, or for someone unknown.</summary>
    public string? ManagerOf(string person)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var department = _departmentOf.GetValueOrDefault(person); department is not null && seen.Add(department);)
        {
            if (!_departments.TryGetValue(department, out var node))
            {
                return null;
            }

            if (node.Manager is not null && node.Manager != person)
            {
                return node.Manager;
            }

            department = node.Parent;
        }

        return null;
    }

    /// <summary>The department and every department below it (a department named in a loop is taken once).</summary>
    public IReadOnlySet<string> TreeOf(string? department)
    {
        var tree = new HashSet<string>(StringComparer.Ordinal);
        var next = new Queue<string>();
        if (department is not null)
        {
            next.Enqueue(department);
        }

        while (next.TryDequeue(out var current))
        {
            if (tree.Add(current))
            {
                foreach (var child in _children[current])
                {
                    next.Enqueue(child);
                }
            }
        }

        return tree;
    }

    /// <summary>Everyone whose chain of managers leads to <paramref name="person"/> (never the person themselves).</summary>
    public IReadOnlySet<string> SubordinatesOf(string person)
    {
        var reports = _departmentOf.Keys.Select(p => (Person: p, Manager: ManagerOf(p))).Where(p => p.Manager is not null).ToLookup(p => p.Manager!, p => p.Person, StringComparer.Ordinal);
        var below = new HashSet<string>(StringComparer.Ordinal);
        var next = new Queue<string>([person]);
        while (next.TryDequeue(out var current))
        {
            foreach (var report in reports[current])
            {
                if (report != person && below.Add(report))
                {
                    next.Enqueue(report);
                }
            }
        }

        return below;
    }

    /// <summary>Where the person stands, for scopes that follow the tree.</summary>
    public OrgPosition PositionOf(string person, string? department)
    {
        var subordinates = SubordinatesOf(person);
        var departments = subordinates.Select(p => _departmentOf.GetValueOrDefault(p)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new OrgPosition(subordinates, departments, TreeOf(department));
    }
}
