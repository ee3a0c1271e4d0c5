namespace Platform.Core.Security;

/// <summary>
/// A node of the organisation tree. Its manager approves for it and sees its records (record scopes and
/// approval chains in later modules build on <see cref="ParentId"/> and <see cref="ManagerId"/>).
/// </summary>
public sealed class Department
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public string Name { get; set; } = "";

    public string? Code { get; set; }

    public string? ParentId { get; set; }

    public Department? Parent { get; set; }

    public string? ManagerId { get; set; }

    public PlatformUser? Manager { get; set; }

    public int SortOrder { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
