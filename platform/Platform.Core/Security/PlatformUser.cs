using Microsoft.AspNetCore.Identity;

namespace Platform.Core.Security;

/// <summary>A person who signs in. Records, approvals and scopes refer to users by <see cref="IdentityUser.Id"/>.</summary>
public sealed class PlatformUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public string? DepartmentId { get; set; }

    public Department? Department { get; set; }

    /// <summary>The UI language the user chose last (<c>zh-CN</c> or <c>en</c>); null means the installation default.</summary>
    public string? PreferredCulture { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public string Title => string.IsNullOrWhiteSpace(DisplayName) ? UserName ?? Id : DisplayName;
}
