using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Web.Security;

namespace Platform.Host.IntegrationTests.Modules;

/// <summary>
/// The sample module contributes a page, an endpoint, a menu entry, a permission and a package
/// document. Switched off in configuration, every one of them disappears.
/// </summary>
public sealed class ModuleSwitchTests
{
    private const string SampleModule = "Platform.Fixtures.SampleModule";
    private const string SwitchOff = $"Platform:Modules:{SampleModule}:Enabled";

    [Fact]
    public async Task An_enabled_module_contributes_its_page_endpoint_menu_permission_and_package()
    {
        await using var host = await PlatformHost.StartAsync("Sqlite");
        var admin = await host.CreateAdminClientAsync();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/sample/ping")).StatusCode);
        var page = await admin.GetAsync("/sample");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"sample-page\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Sample.Menu", await MenuKeysAsync(admin));
        Assert.True(host.Services.GetRequiredService<PermissionCatalog>().Exists("Sample.Things.View"));
        Assert.Contains(host.Services.GetServices<IAppPackageDocumentSource>().SelectMany(s => s.GetDocuments()),
            d => d.Package == "sample-app" && d.Path == "entities/thing.json");
    }

    [Fact]
    public async Task A_disabled_module_contributes_nothing()
    {
        await using var host = await PlatformHost.StartAsync("Sqlite", (SwitchOff, "false"));
        var admin = await host.CreateAdminClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/sample/ping")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/sample")).StatusCode);
        Assert.DoesNotContain("Sample.Menu", await MenuKeysAsync(admin));
        Assert.False(host.Services.GetRequiredService<PermissionCatalog>().Exists("Sample.Things.View"));
        Assert.DoesNotContain(host.Services.GetServices<IAppPackageDocumentSource>().SelectMany(s => s.GetDocuments()), d => d.Package == "sample-app");
        var modules = await admin.GetFromJsonAsync<JsonElement>("/api/shell/modules");
        Assert.Contains(SampleModule, modules.GetProperty("disabled").EnumerateArray().Select(m => m.GetString()));
        Assert.DoesNotContain(SampleModule, modules.GetProperty("enabled").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Menu_entries_are_hidden_from_users_without_their_permission()
    {
        await using var host = await PlatformHost.StartAsync("Sqlite");
        await Accounts.CreateUserAsync(host, "clerk", "Clerk-passw0rd");
        var clerk = await host.CreateClientForAsync("clerk", "Clerk-passw0rd");

        var keys = await MenuKeysAsync(clerk);

        Assert.DoesNotContain("Sample.Menu", keys);
        Assert.DoesNotContain("Identity.Menu.Administration", keys);
        Assert.Contains("Identity.Menu.MyApiTokens", keys);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/sample")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_role_granting_the_permission_shows_the_entry_and_opens_the_page()
    {
        await using var host = await PlatformHost.StartAsync("Sqlite");
        await Accounts.CreateRoleAsync(host, "Samplers", "Sample.Things.View");
        await Accounts.CreateUserAsync(host, "sampler", "Sampler-passw0rd", "Samplers");
        var sampler = await host.CreateClientForAsync("sampler", "Sampler-passw0rd");

        Assert.Contains("Sample.Menu", await MenuKeysAsync(sampler));
        Assert.Equal(HttpStatusCode.OK, (await sampler.GetAsync("/sample")).StatusCode);
    }

    [Fact]
    public async Task Start_up_stops_when_a_core_module_is_switched_off()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        await using var host = PlatformHost.Unstarted(database, ("Platform:Modules:Platform.Identity:Enabled", "false"));

        var error = Assert.ThrowsAny<Exception>(() => host.Server);

        Assert.Contains("Platform.Identity", error.GetBaseException().Message, StringComparison.Ordinal);
        Assert.Contains("cannot be disabled", error.GetBaseException().Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> MenuKeysAsync(HttpClient client)
    {
        var menu = await client.GetFromJsonAsync<JsonElement>("/api/shell/navigation");
        return Flatten(menu).ToList();

        static IEnumerable<string> Flatten(JsonElement entries) =>
            entries.EnumerateArray().SelectMany(e => Flatten(e.GetProperty("children")).Prepend(e.GetProperty("key").GetString()!));
    }
}
