namespace Platform.Identity.Models;

/// <summary>A user as the administration list shows them.</summary>
public sealed record UserRow(
    string Id,
    string UserName,
    string DisplayName,
    string? Email,
    string? DepartmentId,
    string? DepartmentName,
    IReadOnlyList<string> Roles,
    bool IsLockedOut,
    DateTimeOffset CreatedAt);
