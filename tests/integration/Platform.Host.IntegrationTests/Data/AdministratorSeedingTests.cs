using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Web.Data;
using Platform.Web.Hosting;

namespace Platform.Host.IntegrationTests.Data;

public sealed class AdministratorSeedingTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_a_configured_password_one_is_generated_printed_once_and_works(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Admin:UserName", "boss"), ("Platform:Admin:Password", ""));
        var first = new StringWriter();
        var second = new StringWriter();

        await host.InScopeAsync(async services =>
        {
            var seeder = services.GetRequiredService<AdministratorSeeder>();
            await services.GetRequiredService<UserManager<PlatformUser>>().DeleteAsync((await services.GetRequiredService<UserManager<PlatformUser>>().FindByNameAsync("boss"))!);
            await seeder.SeedAsync(new AdminAccountOptions { UserName = "boss" }, first);
            await seeder.SeedAsync(new AdminAccountOptions { UserName = "boss" }, second);
            return 0;
        });

        var printed = first.ToString();
        var password = printed.Split('\n').Single(l => l.Contains("password:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        Assert.Equal(16, password.Length);
        Assert.Equal("", second.ToString());
        var client = await host.CreateClientForAsync("boss", password);
        Assert.NotNull(client.DefaultRequestHeaders.Authorization);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_restart_keeps_the_accounts_and_does_not_recreate_the_admin(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = PlatformHost.Start(database))
        {
            await Accounts.CreateUserAsync(first, "zhangsan", "Zhangsan-passw0rd");
        }

        await using var second = PlatformHost.Start(database, ("Platform:Admin:Password", "Another-passw0rd"));

        await second.CreateClientForAsync("zhangsan", "Zhangsan-passw0rd");
        await second.CreateAdminClientAsync(); // still the first run's admin password
    }

    [Fact]
    public void Generated_passwords_satisfy_the_password_rules_and_differ()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => AdministratorSeeder.GeneratePassword()).ToList();

        Assert.Equal(passwords.Count, passwords.Distinct().Count());
        Assert.All(passwords, p =>
        {
            Assert.Equal(16, p.Length);
            Assert.Contains(p, char.IsDigit);
            Assert.Contains(p, char.IsLower);
        });
    }
}
