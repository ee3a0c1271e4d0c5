namespace Platform.Identity.Models;

/// <summary>A department node as the tree editor shows and saves it.</summary>
public sealed class DepartmentEdit
{
    public string? Id { get; set; }

    public string Name { get; set; } = "";

    public string? Code { get; set; }

    public string? ParentId { get; set; }

    public string? ManagerId { get; set; }

    public string? ManagerName { get; set; }

    public int SortOrder { get; set; }

    public int MemberCount { get; set; }
}
