using System.Net;
using System.Net.Http.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Cli.PlatformCommand;

namespace Platform.Host.IntegrationTests.Cli;

/// <summary>The <c>platform</c> command reads the same configuration keys as the host and works on its database.</summary>
public sealed class PlatformCommandTests
{
    [Fact]
    public async Task Prints_its_version()
    {
        var (code, output, _) = await RunAsync("--version");

        Assert.Equal(0, code);
        Assert.Matches(@"^platform \d+\.\d+\.\d+", output);
    }

    [Fact]
    public async Task An_unknown_command_prints_usage_and_exits_2()
    {
        var (code, _, error) = await RunAsync("frobnicate");

        Assert.Equal(2, code);
        Assert.Contains("Unknown command: frobnicate", error, StringComparison.Ordinal);
        Assert.Contains("users reset-password", error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reset_password_sets_a_new_password_and_unlocks_the_account(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var client = host.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = $"wrong-{i}x" });
        }

        var (code, output, error) = await RunAsync(On(host.Database, "users", "reset-password", "admin"));

        Assert.True(code == 0, error);
        var password = output.Split('\n')[0].Split(": ", 2)[1].Trim();
        Assert.Contains("unlocked", output, StringComparison.Ordinal);
        await host.CreateClientForAsync("admin", password);
        var old = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = PlatformHost.AdminPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reset_password_refuses_a_weak_password_or_unknown_user_and_changes_nothing(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);

        var weak = await RunAsync(On(host.Database, "users", "reset-password", "admin", "--password", "short"));
        var ghost = await RunAsync(On(host.Database, "users", "reset-password", "ghost"));

        Assert.Equal(1, weak.Code);
        Assert.Contains("not changed", weak.Error, StringComparison.Ordinal);
        Assert.Equal(1, ghost.Code);
        Assert.Contains("no user named 'ghost'", ghost.Error, StringComparison.Ordinal);
        await host.CreateAdminClientAsync();
    }

    [Fact]
    public async Task Reset_password_without_a_database_says_where_it_looked_and_creates_nothing()
    {
        var empty = Directory.CreateTempSubdirectory("platform-cli-").FullName;

        var (code, _, error) = await RunAsync("users", "reset-password", "admin", "--content-root", empty);

        Assert.Equal(1, code);
        Assert.Contains("No platform database found", error, StringComparison.Ordinal);
        Assert.Contains(empty, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(empty, "App_Data", "platform.db")));
    }

    [Fact]
    public async Task An_unknown_provider_is_named_with_the_valid_ones()
    {
        var (code, _, error) = await RunAsync("users", "reset-password", "admin", "--Database:Provider=Oracle");

        Assert.Equal(1, code);
        Assert.Contains("Valid providers: Sqlite, PostgreSql, SqlServer", error, StringComparison.Ordinal);
    }
}
