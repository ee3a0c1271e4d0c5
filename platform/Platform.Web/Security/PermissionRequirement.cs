using Microsoft.AspNetCore.Authorization;

namespace Platform.Web.Security;

/// <summary>The user holds <see cref="Permission"/> through one of their roles, or is an administrator.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
