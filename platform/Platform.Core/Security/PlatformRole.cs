using Microsoft.AspNetCore.Identity;

namespace Platform.Core.Security;

/// <summary>A named set of permissions granted to users. Permissions are stored as role claims.</summary>
public sealed class PlatformRole : IdentityRole
{
    public PlatformRole()
    {
    }

    public PlatformRole(string name) : base(name)
    {
    }

    public string? Description { get; set; }
}
