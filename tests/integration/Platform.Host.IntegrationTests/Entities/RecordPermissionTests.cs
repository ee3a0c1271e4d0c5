using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Identity.Models;
using Platform.Identity.Services;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>
/// Record rights come from roles, per entity and action, covering the user's own records, their
/// department's or all; the record service enforces them on every read and write through the API.
/// </summary>
public sealed class RecordPermissionTests
{
    private const string Password = "Sales-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private sealed record Crm(PlatformHost Host, HttpClient Admin, HttpClient Alice, HttpClient Bob, HttpClient Carol);

    /// <summary>Alice and Bob sell in the east region (Alice sees her own, Bob his department's); Carol has no record rights.</summary>
    private static async Task<Crm> StartAsync(string provider)
    {
        var host = await LineItemTests.OrdersAsync(provider);
        var east = await Accounts.CreateDepartmentAsync(host, "华东");
        await Accounts.CreateRoleAsync(host, "Sales", "Records.item.Create", "Records.item.Read.Own", "Records.item.Update.Own", "Records.order.Read.Own", "Records.order.Create");
        await Accounts.CreateRoleAsync(host, "Sales lead", "Records.item.Read.Department", "Records.item.Delete.Department", "Records.order.Read.Department");
        await UserAsync(host, "alice", east, "Sales");
        await UserAsync(host, "bob", east, "Sales lead");
        await UserAsync(host, "carol", null);
        return new Crm(host, await host.CreateAdminClientAsync(), await host.CreateClientForAsync("alice", Password),
            await host.CreateClientForAsync("bob", Password), await host.CreateClientForAsync("carol", Password));
    }

    private static Task<int> UserAsync(PlatformHost host, string name, string? department, params string[] roles) =>
        host.InScopeAsync(async s =>
        {
            var result = await s.GetRequiredService<UserAdministration>().SaveAsync(new UserEdit { UserName = name, DisplayName = name, Password = Password, DepartmentId = department, Roles = roles });
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return 0;
        });


    private static async Task<List<string?>> NamesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/odata/item?$orderby=name")).GetProperty("value").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : Json(json) };
        return (await client.SendAsync(request)).StatusCode;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Own_scope_shows_and_changes_only_the_users_records_and_hides_the_rest(string provider)
    {
        var crm = await StartAsync(provider);
        await using var _ = crm.Host;
        var mine = await ODataRecords.CreateAsync(crm.Alice, "item", """{ "name": "Alice's tea" }""");
        var theirs = await ODataRecords.CreateAsync(crm.Admin, "item", """{ "name": "Admin's cup" }""");

        Assert.Equal(["Alice's tea"], await NamesAsync(crm.Alice));
        Assert.Equal(["Admin's cup", "Alice's tea"], await NamesAsync(crm.Admin));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(crm.Alice, HttpMethod.Get, $"/odata/item({theirs})"));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(crm.Alice, HttpMethod.Patch, $"/odata/item({theirs})", """{ "name": "taken" }"""));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(crm.Alice, HttpMethod.Get, $"/api/audit/item/{theirs}"));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(crm.Alice, HttpMethod.Patch, $"/odata/item({mine})", """{ "name": "Alice's green tea" }"""));

        // Reading and changing her own is not deleting it.
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(crm.Alice, HttpMethod.Delete, $"/odata/item({mine})"));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(crm.Alice, HttpMethod.Get, "/api/audit/item"));
        Assert.Equal("Admin's cup", (await crm.Admin.GetFromJsonAsync<JsonElement>($"/odata/item({theirs})")).GetProperty("name").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Department_scope_covers_colleagues_records_and_no_rights_means_403(string provider)
    {
        var crm = await StartAsync(provider);
        await using var _ = crm.Host;
        var alices = await ODataRecords.CreateAsync(crm.Alice, "item", """{ "name": "Alice's tea" }""");
        await ODataRecords.CreateAsync(crm.Admin, "item", """{ "name": "Admin's cup" }""");

        Assert.Equal(["Alice's tea"], await NamesAsync(crm.Bob));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(crm.Bob, HttpMethod.Post, "/odata/item", """{ "name": "Bob's" }"""));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(crm.Bob, HttpMethod.Patch, $"/odata/item({alices})", """{ "name": "renamed" }"""));
        Assert.Equal(HttpStatusCode.NoContent, await SendAsync(crm.Bob, HttpMethod.Delete, $"/odata/item({alices})"));

        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(crm.Carol, HttpMethod.Get, "/odata/item"));
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(crm.Carol, HttpMethod.Post, "/odata/item", """{ "name": "Carol's" }"""));
        Assert.Equal(["Admin's cup"], await NamesAsync(crm.Admin));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Lines_follow_the_rights_on_their_order_and_expanded_lookups_the_rights_on_their_target(string provider)
    {
        var crm = await StartAsync(provider);
        await using var _ = crm.Host;
        var adminsItem = await ODataRecords.CreateAsync(crm.Admin, "item", """{ "name": "Admin's cup" }""");
        var alice = (await crm.Alice.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();
        // Alice cannot point a line at an item she may not read herself; the administrator can, on an order handed to her.
        Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(crm.Alice, HttpMethod.Post, "/odata/order", $$"""{ "title": "Alice's own try", "lines": [ { "item": "{{adminsItem}}", "quantity": 1 } ] }"""));
        await ODataRecords.CreateAsync(crm.Admin, "order", $$"""{ "title": "Alice's order", "ownerId": "{{alice}}", "lines": [ { "item": "{{adminsItem}}", "quantity": 1 } ] }""");
        await ODataRecords.CreateAsync(crm.Admin, "order", $$"""{ "title": "Admin's order", "lines": [ { "item": "{{adminsItem}}", "quantity": 2 } ] }""");

        var lines = await crm.Alice.GetFromJsonAsync<JsonElement>("/odata/order_line?$expand=itemRecord");
        var line = Assert.Single(lines.GetProperty("value").EnumerateArray());
        Assert.Equal(1, line.GetProperty("quantity").GetInt64());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("itemRecord").ValueKind); // Alice may not read the admin's item
        Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(crm.Carol, HttpMethod.Get, "/odata/order_line"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Roles_grant_record_permissions_of_existing_entities_only_and_list_them_under_the_entity(string provider)
    {
        var crm = await StartAsync(provider);
        await using var _ = crm.Host;

        var (known, unknown, listed) = await crm.Host.InScopeAsync(async s =>
        {
            var roles = s.GetRequiredService<RoleAdministration>();
            var ok = await roles.SaveAsync(new RoleEdit { Name = "Auditor", Permissions = new HashSet<string> { "Records.order.Read.All" } });
            var refused = await roles.SaveAsync(new RoleEdit { Name = "Ghost", Permissions = new HashSet<string> { "Records.ghost.Read.All" } });
            var all = await s.GetRequiredService<Platform.Web.Security.IPermissionDirectory>().AllAsync();
            return (ok, refused, all);
        });

        Assert.True(known.Succeeded);
        Assert.False(unknown.Succeeded);
        Assert.Equal(18, listed.Count(p => p.Name.StartsWith("Records.order.", StringComparison.Ordinal))); // create, 3 actions × 5 scopes, reading the unowned, assign
        Assert.DoesNotContain(listed, p => p.Name.StartsWith("Records.order_line.", StringComparison.Ordinal));
        Assert.Contains(listed, p => p.Name == "Records.item.Delete.Department" && p.GroupText is not null && p.GroupText.Contains("Item", StringComparison.Ordinal));
    }
}
