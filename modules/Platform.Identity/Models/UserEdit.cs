namespace Platform.Identity.Models;

/// <summary>The fields an administrator edits on a user. <see cref="Password"/> is required when creating, optional (reset) when editing.</summary>
public sealed class UserEdit
{
    public string? Id { get; set; }

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? Email { get; set; }

    public string? PhoneNumber { get; set; }

    public string? DepartmentId { get; set; }

    public IEnumerable<string> Roles { get; set; } = [];

    public string? Password { get; set; }

    public bool IsLockedOut { get; set; }
}
