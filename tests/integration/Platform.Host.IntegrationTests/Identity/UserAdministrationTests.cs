using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Identity.Models;
using Platform.Identity.Services;

namespace Platform.Host.IntegrationTests.Identity;

public sealed class UserAdministrationTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_new_user_with_roles_signs_in_and_carries_the_roles_permissions(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await Accounts.CreateRoleAsync(host, "Sales", "Identity.Departments.Manage");
        await Accounts.CreateUserAsync(host, "张三", "Zhang-passw0rd", "Sales");

        var me = await (await host.CreateClientForAsync("张三", "Zhang-passw0rd")).GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal(["Sales"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["Identity.Departments.Manage"], me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_refused_password_writes_nothing_and_says_why_in_the_users_language(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);

        var result = await host.InScopeAsync(services =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
            return services.GetRequiredService<UserAdministration>().SaveAsync(new UserEdit { UserName = "lisi", Password = "short", Roles = ["Administrator"] });
        });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "Password" && e.Message.Contains("密码至少需要 8 个字符", StringComparison.Ordinal));
        Assert.Equal(1, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Users.CountAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_unknown_role_or_department_is_refused_before_anything_is_written(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);

        var result = await host.InScopeAsync(services => services.GetRequiredService<UserAdministration>()
            .SaveAsync(new UserEdit { UserName = "wangwu", Password = "Wangwu-passw0rd", Roles = ["Ghosts"], DepartmentId = "nope" }));

        Assert.Contains(result.Errors, e => e.Field == "Roles");
        Assert.Contains(result.Errors, e => e.Field == "DepartmentId");
        Assert.Equal(1, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Users.CountAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_last_active_administrator_can_be_neither_locked_nor_demoted(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);

        var results = await host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserAdministration>();
            var adminId = (await users.ListAsync()).Single(u => u.UserName == "admin").Id;
            var locked = await users.GetAsync(adminId);
            locked!.IsLockedOut = true;
            var demoted = await users.GetAsync(adminId);
            demoted!.Roles = [];
            return new[] { await users.SaveAsync(locked), await users.SaveAsync(demoted) };
        });

        Assert.All(results, r => Assert.Contains(r.Errors, e => e.Field == "Roles"));
        await host.CreateAdminClientAsync();
        var me = await (await host.CreateAdminClientAsync()).GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Contains("Administrator", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_locked_user_cannot_sign_in_and_their_tokens_stop_working(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var id = await Accounts.CreateUserAsync(host, "zhaoliu", "Zhaoliu-passw0rd");
        var client = await host.CreateClientForAsync("zhaoliu", "Zhaoliu-passw0rd");

        await host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserAdministration>();
            var edit = await users.GetAsync(id);
            edit!.IsLockedOut = true;
            Assert.True((await users.SaveAsync(edit)).Succeeded);
            return 0;
        });

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        var again = await host.CreateAnonymousClient().PostAsJsonAsync("/api/auth/token", new { userName = "zhaoliu", password = "Zhaoliu-passw0rd" });
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, again.StatusCode);
    }
}
