using Microsoft.Extensions.DependencyInjection;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Identity.Models;
using Platform.Identity.Services;

namespace Platform.Host.IntegrationTests.Identity;

public sealed class DepartmentAdministrationTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<string> SaveAsync(DepartmentAdministration departments, string name, string? parentId = null, string? code = null, string? managerId = null)
    {
        var edit = new DepartmentEdit { Name = name, ParentId = parentId, Code = code, ManagerId = managerId };
        var result = await departments.SaveAsync(edit);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return edit.Id!;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Departments_form_a_tree_with_a_manager_each(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var managerId = await Accounts.CreateUserAsync(host, "manager", "Manager-passw0rd");

        var tree = await host.InScopeAsync(async services =>
        {
            var departments = services.GetRequiredService<DepartmentAdministration>();
            var company = await SaveAsync(departments, "总公司", code: "HQ");
            var sales = await SaveAsync(departments, "销售部", company, "SALES", managerId);
            await SaveAsync(departments, "华东区", sales, "SALES-E");
            return await departments.ListAsync();
        });

        Assert.Equal(3, tree.Count);
        var sales = tree.Single(d => d.Code == "SALES");
        Assert.Equal(tree.Single(d => d.Code == "HQ").Id, sales.ParentId);
        Assert.Equal(managerId, sales.ManagerId);
        Assert.Equal("manager", sales.ManagerName);
        Assert.Equal(sales.Id, tree.Single(d => d.Code == "SALES-E").ParentId);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_department_cannot_move_under_itself_or_its_descendants(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);

        var (underSelf, underChild, parentAfter) = await host.InScopeAsync(async services =>
        {
            var departments = services.GetRequiredService<DepartmentAdministration>();
            var top = await SaveAsync(departments, "A");
            var child = await SaveAsync(departments, "B", top);
            var grandchild = await SaveAsync(departments, "C", child);
            var self = await departments.SaveAsync(new DepartmentEdit { Id = top, Name = "A", ParentId = top });
            var loop = await departments.SaveAsync(new DepartmentEdit { Id = top, Name = "A", ParentId = grandchild });
            return (self, loop, (await departments.ListAsync()).Single(d => d.Id == top).ParentId);
        });

        Assert.Contains(underSelf.Errors, e => e.Field == "ParentId");
        Assert.Contains(underChild.Errors, e => e.Field == "ParentId");
        Assert.Null(parentAfter);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Codes_are_unique_and_a_department_with_children_or_members_is_kept(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);

        var (duplicate, withChildren, withMembers, emptyOne) = await host.InScopeAsync(async services =>
        {
            var departments = services.GetRequiredService<DepartmentAdministration>();
            var top = await SaveAsync(departments, "Top", code: "T");
            var child = await SaveAsync(departments, "Child", top, "C");
            var staffed = await SaveAsync(departments, "Staffed", code: "S");
            var result = await services.GetRequiredService<UserAdministration>()
                .SaveAsync(new UserEdit { UserName = "member", Password = "Member-passw0rd", DepartmentId = staffed });
            Assert.True(result.Succeeded);
            return (await departments.SaveAsync(new DepartmentEdit { Name = "Other", Code = "T" }),
                await departments.DeleteAsync(top), await departments.DeleteAsync(staffed), await departments.DeleteAsync(child));
        });

        Assert.Contains(duplicate.Errors, e => e.Field == "Code");
        Assert.False(withChildren.Succeeded);
        Assert.False(withMembers.Succeeded);
        Assert.True(emptyOne.Succeeded);
    }
}
