using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Identity.Models;
using Platform.Identity.Services;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>
/// Scopes that follow the organisation (上级对下级资料的查看): a director reads and changes what the people below them own, a regional
/// head what is filed under their department and the departments below it; nobody else's; and a move in the organisation counts
/// from the next request.
/// </summary>
public sealed class OrgScopeTests
{
    private const string Password = "Sales-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    /// <summary>销售部 (director Zhou; regional head Wu reports to him) ⊃ 华东 (lead Bob: Alice); 财务部 (Kim) apart. Each has put in one item.</summary>
    private sealed record Org(PlatformHost Host, HttpClient Admin, Dictionary<string, HttpClient> People, Dictionary<string, string> Ids, Dictionary<string, string> Departments, Dictionary<string, string> Items);

    private static async Task<Org> StartAsync(string provider)
    {
        var host = await LineItemTests.OrdersAsync(provider);
        var sales = await Accounts.CreateDepartmentAsync(host, "销售部");
        var east = await Accounts.CreateDepartmentAsync(host, "华东", sales);
        var finance = await Accounts.CreateDepartmentAsync(host, "财务部");
        await Accounts.CreateRoleAsync(host, "Sales", "Records.item.Create", "Records.item.Read.Own", "Records.item.Update.Own");
        await Accounts.CreateRoleAsync(host, "Director", "Records.item.Create", "Records.item.Read.Subordinates", "Records.item.Update.Subordinates");
        await Accounts.CreateRoleAsync(host, "Regional", "Records.item.Create", "Records.item.Read.DepartmentTree");
        var departments = new Dictionary<string, string> { ["sales"] = sales, ["east"] = east, ["finance"] = finance };
        var ids = new Dictionary<string, string>();
        foreach (var (name, department, role) in new[] { ("zhou", sales, "Director"), ("wu", sales, "Regional"), ("bob", east, "Sales"), ("alice", east, "Sales"), ("kim", finance, "Sales") })
        {
            ids[name] = await Accounts.CreateUserInAsync(host, name, Password, department, role);
        }

        await Accounts.SetManagerAsync(host, sales, ids["zhou"]);
        await Accounts.SetManagerAsync(host, east, ids["bob"]);
        var people = new Dictionary<string, HttpClient>();
        var items = new Dictionary<string, string>();
        foreach (var name in ids.Keys)
        {
            people[name] = await host.CreateClientForAsync(name, Password);
            items[name] = await ODataRecords.CreateAsync(people[name], "item", $$"""{ "name": "{{name}}'s" }""");
        }

        return new Org(host, await host.CreateAdminClientAsync(), people, ids, departments, items);
    }

    private static async Task<List<string?>> NamesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/odata/item?$orderby=name")).GetProperty("value").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();


    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_director_reads_and_changes_what_the_people_below_own_and_nothing_else(string provider)
    {
        var org = await StartAsync(provider);
        await using var _ = org.Host;
        var zhou = org.People["zhou"];

        Assert.Equal(["alice's", "bob's", "wu's", "zhou's"], await NamesAsync(zhou)); // Bob and Wu report to Zhou, Alice to Bob; Kim stands apart
        Assert.Equal(["alice's"], await NamesAsync(org.People["alice"]));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(zhou, HttpMethod.Get, $"/odata/item({org.Items["kim"]})")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(zhou, HttpMethod.Get, $"/api/audit/item/{org.Items["alice"]}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(zhou, HttpMethod.Get, $"/api/audit/item/{org.Items["kim"]}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(zhou, HttpMethod.Patch, $"/odata/item({org.Items["alice"]})", """{ "name": "alice's, checked" }""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(zhou, HttpMethod.Patch, $"/odata/item({org.Items["kim"]})", """{ "name": "taken" }""")).Status);
        Assert.Equal(1, (await zhou.GetFromJsonAsync<JsonElement>("/odata/item?$filter=startswith(name,'alice')&$count=true")).GetProperty("@odata.count").GetInt32());

        // Alice moves to finance: from the next request she no longer reports up to Zhou.
        await org.Host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Platform.Data.PlatformDbContext>();
            db.Users.Single(u => u.UserName == "alice").DepartmentId = org.Departments["finance"];
            return await db.SaveChangesAsync();
        });
        Assert.Equal(["bob's", "wu's", "zhou's"], await NamesAsync(zhou));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_public_pool_shows_the_records_nobody_owns_beside_ones_own_to_read_not_to_change(string provider)
    {
        var org = await StartAsync(provider);
        await using var _ = org.Host;
        await Accounts.CreateRoleAsync(org.Host, "Pool", "Records.item.Create", "Records.item.Read.Own", "Records.item.Read.Unowned", "Records.item.Update.Own");
        await Accounts.CreateUserInAsync(org.Host, "lin", Password, org.Departments["finance"], "Pool");
        var lin = await org.Host.CreateClientForAsync("lin", Password);
        await ODataRecords.CreateAsync(lin, "item", """{ "name": "lin's" }""");
        var pooled = await ODataRecords.CreateAsync(org.Admin, "item", """{ "name": "pooled" }""");
        var released = await SendAsync(org.Admin, HttpMethod.Patch, $"/odata/item({pooled})", """{ "ownerId": null, "departmentId": null }""");
        Assert.True(released.Status == HttpStatusCode.OK, released.Body);

        Assert.Equal(["lin's", "pooled"], await NamesAsync(lin));
        Assert.Equal(2, (await lin.GetFromJsonAsync<JsonElement>("/odata/item?$count=true&$top=1")).GetProperty("@odata.count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(lin, HttpMethod.Get, $"/odata/item({pooled})")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(lin, HttpMethod.Get, $"/odata/item({org.Items["kim"]})")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(lin, HttpMethod.Patch, $"/odata/item({pooled})", """{ "name": "mine now" }""")).Status);
        Assert.Equal(["alice's"], await NamesAsync(org.People["alice"])); // the pool is a right of its own

        // Once someone owns it, it leaves the pool.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(org.Admin, HttpMethod.Patch, $"/odata/item({pooled})", $$"""{ "ownerId": "{{org.Ids["kim"]}}" }""")).Status);
        Assert.Equal(["lin's"], await NamesAsync(lin));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(lin, HttpMethod.Get, $"/odata/item({pooled})")).Status);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_regional_head_reads_what_is_filed_under_their_department_and_those_below_it(string provider)
    {
        var org = await StartAsync(provider);
        await using var _ = org.Host;
        var wu = org.People["wu"];

        Assert.Equal(["alice's", "bob's", "wu's", "zhou's"], await NamesAsync(wu));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(wu, HttpMethod.Get, $"/odata/item({org.Items["kim"]})")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(wu, HttpMethod.Patch, $"/odata/item({org.Items["alice"]})", """{ "name": "renamed" }""")).Status); // reading is not changing

        // Filed under finance now, Alice's item leaves his reach though she did not move.
        var moved = await SendAsync(org.Admin, HttpMethod.Patch, $"/odata/item({org.Items["alice"]})", $$"""{ "departmentId": "{{org.Departments["finance"]}}" }""");
        Assert.True(moved.Status == HttpStatusCode.OK, moved.Body);
        Assert.Equal(["bob's", "wu's", "zhou's"], await NamesAsync(wu));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_director_may_hand_a_record_to_someone_below_but_not_outside_the_tree(string provider)
    {
        var org = await StartAsync(provider);
        await using var _ = org.Host;
        var zhou = org.People["zhou"];

        var handed = await SendAsync(zhou, HttpMethod.Post, "/odata/item",
            $$"""{ "name": "for alice", "ownerId": "{{org.Ids["alice"]}}", "departmentId": "{{org.Departments["east"]}}" }""");
        Assert.True(handed.Status == HttpStatusCode.Created, handed.Body);
        Assert.Contains("for alice", await NamesAsync(org.People["alice"]));

        var planted = await SendAsync(zhou, HttpMethod.Post, "/odata/item",
            $$"""{ "name": "for kim", "ownerId": "{{org.Ids["kim"]}}", "departmentId": "{{org.Departments["finance"]}}" }""");
        Assert.Equal(HttpStatusCode.BadRequest, planted.Status);
        Assert.Contains("ownerId", planted.Body);
        Assert.DoesNotContain("for kim", await NamesAsync(org.People["kim"]));
    }
}
