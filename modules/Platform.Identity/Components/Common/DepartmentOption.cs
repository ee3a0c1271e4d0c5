namespace Platform.Identity.Components.Common;

/// <summary>A department in a drop-down, its name indented by its depth in the tree.</summary>
public sealed record DepartmentOption(string Id, string Text, int Depth)
{
    public static List<DepartmentOption> Flatten(IReadOnlyList<Models.DepartmentEdit> departments, string? excludeSubtreeOf = null)
    {
        var options = new List<DepartmentOption>();
        var children = departments.ToLookup(d => d.ParentId ?? "");
        var known = departments.Select(d => d.Id).ToHashSet();
        void Add(string parent, int depth)
        {
            foreach (var department in children[parent])
            {
                if (department.Id == excludeSubtreeOf)
                {
                    continue;
                }

                options.Add(new DepartmentOption(department.Id!, new string('\u3000', depth) + department.Name, depth));
                Add(department.Id!, depth + 1);
            }
        }

        Add("", 0);
        // Orphans (parent removed behind our back) still show, at the top level.
        foreach (var orphan in departments.Where(d => d.ParentId is not null && !known.Contains(d.ParentId) && options.All(o => o.Id != d.Id)))
        {
            options.Add(new DepartmentOption(orphan.Id!, orphan.Name, 0));
        }

        return options;
    }
}
