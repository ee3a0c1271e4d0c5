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

    /// <summary>Makes <paramref name="managerId"/> the manager of the department (whom "the initiator's manager" names).</summary>
    public static Task SetManagerAsync(PlatformHost host, string departmentId, string managerId) =>
        host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Platform.Data.PlatformDbContext>();
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Departments, d => d.Id == departmentId)).ManagerId = managerId;
            return await db.SaveChangesAsync();
        });
}
