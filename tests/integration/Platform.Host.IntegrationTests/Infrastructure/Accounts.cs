using Microsoft.Extensions.DependencyInjection;
using Platform.Identity.Models;
using Platform.Identity.Services;

namespace Platform.Host.IntegrationTests.Infrastructure;

/// <summary>Creates users and roles through the same services the administration pages use.</summary>
public static class Accounts
{
    public static Task<string> CreateUserAsync(PlatformHost host, string userName, string password, params string[] roles) =>
        CreateUserInAsync(host, userName, password, null, roles);

    public static Task<string> CreateUserInAsync(PlatformHost host, string userName, string password, string? departmentId, params string[] roles) =>
        host.InScopeAsync(async services =>
        {
            var edit = new UserEdit { UserName = userName, DisplayName = userName, Password = password, DepartmentId = departmentId, Roles = roles };
            var result = await services.GetRequiredService<UserAdministration>().SaveAsync(edit);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return edit.Id!;
        });

    public static Task<string> CreateRoleAsync(PlatformHost host, string name, params string[] permissions) =>
        host.InScopeAsync(async services =>
        {
            var edit = new RoleEdit { Name = name, Permissions = permissions.ToHashSet(StringComparer.Ordinal) };
            var result = await services.GetRequiredService<RoleAdministration>().SaveAsync(edit);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return edit.Id!;
        });

    public static Task<string> CreateDepartmentAsync(PlatformHost host, string name, string? parentId = null) =>
        host.InScopeAsync(async services =>
        {
            var edit = new DepartmentEdit { Name = name, ParentId = parentId };
            var result = await services.GetRequiredService<DepartmentAdministration>().SaveAsync(edit);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return edit.Id!;
        });
}
