using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Packages;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Security;

/// <summary>
/// Sharing a record with a colleague or a department (to read, or to read and change) and handing a leaver's records to a
/// colleague: a share widens which records someone reaches, never what their roles let them do; it does not let them delete,
/// hand on or share further; taking it back counts at once; every share and transfer is in the record's trail; a transfer is all
/// or nothing.
/// </summary>
public sealed class RecordShareTests
{
    private const string Password = "Share-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly string Deal = """
        {
          "name": "deal", "label": { "zh-CN": "商机", "en": "Deal" }, "titleField": "name",
          "fields": [
            { "name": "name", "type": "text", "label": { "zh-CN": "名称", "en": "Name" }, "required": true },
            { "name": "notes", "type": "text", "label": { "zh-CN": "备注", "en": "Notes" } }
          ],
          "rules": [
            { "name": "frozen", "kind": "validation", "field": "notes", "when": "record.notes === 'frozen' && !user.roles.includes('Sales')",
              "message": { "zh-CN": "冻结的商机只有销售可以保存", "en": "Only sales may save a frozen deal" } }
          ]
        }
        """;

    /// <summary>Li and Zhao sell (own deals); Kim, in audit, may read her own deals and change none; Nobody has no right on deals.</summary>
    private sealed record Team(PlatformHost Host, HttpClient Admin, Dictionary<string, HttpClient> People, Dictionary<string, string> Ids, string Audit);

    private static async Task<Team> StartAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync([new AppPackageFile("entities/deal.json", Deal)], "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var sales = await Accounts.CreateDepartmentAsync(host, "销售部");
        var audit = await Accounts.CreateDepartmentAsync(host, "审计部");
        await Accounts.CreateRoleAsync(host, "Sales", "Records.deal.Create", "Records.deal.Read.Own", "Records.deal.Update.Own", "Records.deal.Delete.Own");
        await Accounts.CreateRoleAsync(host, "Auditor", "Records.deal.Read.Own");
        await Accounts.CreateRoleAsync(host, "Nobody");
        var ids = new Dictionary<string, string>();
        foreach (var (name, department, role) in new[] { ("li", sales, "Sales"), ("zhao", sales, "Sales"), ("kim", audit, "Auditor"), ("nobody", audit, "Nobody") })
        {
            ids[name] = await Accounts.CreateUserInAsync(host, name, Password, department, role);
        }

        var people = new Dictionary<string, HttpClient>();
        foreach (var name in ids.Keys)
        {
            people[name] = await host.CreateClientForAsync(name, Password);
            people[name].DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        }

        var admin = await host.CreateAdminClientAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return new Team(host, admin, people, ids, audit);
    }


    private static async Task<List<string?>> DealsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/odata/deal?$orderby=name")).GetProperty("value").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();

    private static async Task<HttpStatusCode> RenameAsync(HttpClient client, string id, string name) =>
        (await SendAsync(client, HttpMethod.Patch, $"/odata/deal({id})", $$"""{ "name": "{{name}}" }""")).Status;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_colleague_sees_a_shared_deal_changes_it_only_when_shared_to_edit_and_loses_it_when_it_is_taken_back(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var (li, zhao) = (team.People["li"], team.People["zhao"]);
        var deal = await ODataRecords.CreateAsync(li, "deal", """{ "name": "华东集采" }""");
        Assert.Empty(await DealsAsync(zhao));

        var (shared, sharedBody) = await SendAsync(li, HttpMethod.Post, $"/api/records/deal/{deal}/shares", $$"""{ "userId": "{{team.Ids["zhao"]}}", "access": "read" }""");
        Assert.True(shared == HttpStatusCode.OK, sharedBody);
        Assert.Equal(["华东集采"], await DealsAsync(zhao));
        Assert.Equal(HttpStatusCode.Forbidden, await RenameAsync(zhao, deal, "read only"));

        // To edit (the same share, changed): Zhao changes it; still no delete, no handing it on, no sharing it further.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(li, HttpMethod.Post, $"/api/records/deal/{deal}/shares", $$"""{ "userId": "{{team.Ids["zhao"]}}", "access": "edit" }""")).Status);
        Assert.Equal(HttpStatusCode.OK, await RenameAsync(zhao, deal, "华东集采（已跟进）"));
        var shares = await li.GetFromJsonAsync<JsonElement>($"/api/records/deal/{deal}/shares");
        Assert.Equal(1, shares.GetArrayLength());
        Assert.Equal("edit", shares[0].GetProperty("access").GetString());
        var read = await zhao.GetAsync($"/odata/deal({deal})");
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, $"/odata/deal({deal})"))
        {
            delete.Headers.IfMatch.Add(read.Headers.ETag!);
            Assert.Equal(HttpStatusCode.Forbidden, (await zhao.SendAsync(delete)).StatusCode);
        }

        var (taken, takenBody) = await SendAsync(zhao, HttpMethod.Patch, $"/odata/deal({deal})", $$"""{ "ownerId": "{{team.Ids["zhao"]}}", "departmentId": null }""");
        Assert.True(taken == HttpStatusCode.BadRequest, takenBody);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(zhao, HttpMethod.Post, $"/api/records/deal/{deal}/shares", $$"""{ "userId": "{{team.Ids["kim"]}}", "access": "read" }""")).Status);

        // Taken back: gone from Zhao's list at once, and answered as missing.
        var shareId = shares[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(li, HttpMethod.Delete, $"/api/records/deal/{deal}/shares/{shareId}")).Status);
        Assert.Empty(await DealsAsync(zhao));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(zhao, HttpMethod.Get, $"/odata/deal({deal})")).Status);

        var trail = (await li.GetFromJsonAsync<JsonElement>($"/api/audit/deal/{deal}")).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["create", "share", "share", "update", "unshare"], trail);
        Assert.Equal(team.Ids["li"], (await li.GetFromJsonAsync<JsonElement>($"/odata/deal({deal})")).GetProperty("ownerId").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_department_share_reaches_everyone_in_it_but_never_beyond_their_roles_and_bad_shares_are_refused(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var li = team.People["li"];
        var deal = await ODataRecords.CreateAsync(li, "deal", """{ "name": "审计样本" }""");
        var zhaos = await ODataRecords.CreateAsync(team.People["zhao"], "deal", """{ "name": "赵的商机" }""");

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(li, HttpMethod.Post, $"/api/records/deal/{deal}/shares", $$"""{ "departmentId": "{{team.Audit}}", "access": "edit" }""")).Status);
        Assert.Equal(["审计样本"], await DealsAsync(team.People["kim"]));
        Assert.Equal(HttpStatusCode.Forbidden, await RenameAsync(team.People["kim"], deal, "changed")); // her roles change no deal, shared or not
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(team.People["nobody"], HttpMethod.Get, "/odata/deal")).Status); // nor read one

        foreach (var (url, json, status, says) in new[]
                 {
                     ($"/api/records/deal/{deal}/shares", $$"""{ "userId": "{{team.Ids["zhao"]}}", "departmentId": "{{team.Audit}}", "access": "read" }""", HttpStatusCode.BadRequest, "one person or one department"),
                     ($"/api/records/deal/{deal}/shares", """{ "userId": "ghost", "access": "read" }""", HttpStatusCode.BadRequest, "no such user"),
                     ($"/api/records/deal/{deal}/shares", $$"""{ "userId": "{{team.Ids["li"]}}", "access": "read" }""", HttpStatusCode.BadRequest, "owns the record"),
                     ($"/api/records/deal/{deal}/shares", $$"""{ "userId": "{{team.Ids["zhao"]}}", "access": "write" }""", HttpStatusCode.BadRequest, "access is"),
                     ($"/api/records/deal/{zhaos}/shares", $$"""{ "userId": "{{team.Ids["kim"]}}", "access": "read" }""", HttpStatusCode.NotFound, "does not exist"),
                     ($"/api/records/deal/{deal}/shares", "not json", HttpStatusCode.BadRequest, "JSON object"),
                 })
        {
            var (answered, body) = await SendAsync(li, HttpMethod.Post, url, json);
            Assert.True(answered == status, $"{json}: {answered} {body}");
            Assert.Contains(says, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(1, (await li.GetFromJsonAsync<JsonElement>($"/api/records/deal/{deal}/shares")).GetArrayLength());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_leavers_deals_go_to_a_colleague_in_one_transfer_with_the_trail_or_not_at_all(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var (li, zhao) = (team.People["li"], team.People["zhao"]);
        var deals = new List<string>();
        foreach (var name in new[] { "甲", "乙", "丙" })
        {
            deals.Add(await ODataRecords.CreateAsync(li, "deal", $$"""{ "name": "{{name}}" }"""));
        }

        await ODataRecords.CreateAsync(zhao, "deal", """{ "name": "丁" }""");
        var transfer = $$"""{ "from": "{{team.Ids["li"]}}", "to": "{{team.Ids["zhao"]}}", "entities": [ "deal" ] }""";

        // What may be handed on, and how much: the administrator, every kind with li's count; li, nothing.
        var transferable = await team.Admin.GetFromJsonAsync<JsonElement>($"/api/records/transfer?from={team.Ids["li"]}");
        Assert.Equal(3, transferable.EnumerateArray().Single(t => t.GetProperty("entity").GetString() == "deal").GetProperty("owned").GetInt32());
        Assert.Equal(0, (await li.GetFromJsonAsync<JsonElement>($"/api/records/transfer?from={team.Ids["zhao"]}")).GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(team.Admin, HttpMethod.Get, "/api/records/transfer")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(team.Admin, HttpMethod.Get, "/api/records/transfer?from=no-one")).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(li, HttpMethod.Post, "/api/records/transfer", transfer)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(team.Admin, HttpMethod.Post, "/api/records/transfer", $$"""{ "from": "{{team.Ids["li"]}}", "to": "{{team.Ids["li"]}}", "entities": [ "deal" ] }""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(team.Admin, HttpMethod.Post, "/api/records/transfer", transfer.Replace("\"deal\"", "\"nothing\"", StringComparison.Ordinal))).Status);

        // One deal the administrator may not save (a validation only sales pass): nothing moves, and the answer names it.
        var frozen = await ODataRecords.CreateAsync(li, "deal", """{ "name": "戊", "notes": "frozen" }""");
        var (refused, refusedBody) = await SendAsync(team.Admin, HttpMethod.Post, "/api/records/transfer", transfer);
        Assert.True(refused == HttpStatusCode.BadRequest, refusedBody);
        Assert.Contains(frozen, refusedBody, StringComparison.Ordinal);
        Assert.Equal(["丁"], await DealsAsync(zhao));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(li, HttpMethod.Patch, $"/odata/deal({frozen})", """{ "notes": "thawed" }""")).Status);
        var (moved, movedBody) = await SendAsync(team.Admin, HttpMethod.Post, "/api/records/transfer", transfer);
        Assert.True(moved == HttpStatusCode.OK, movedBody);
        Assert.Equal(4, JsonDocument.Parse(movedBody).RootElement.GetProperty("moved").GetProperty("deal").GetInt32());
        Assert.Equal(["丁", "丙", "乙", "戊", "甲"], (await DealsAsync(zhao)).Order(StringComparer.Ordinal));
        Assert.Empty(await DealsAsync(li));
        var trail = await team.Admin.GetFromJsonAsync<JsonElement>($"/api/audit/deal/{deals[0]}");
        Assert.Contains(trail.EnumerateArray(), e => e.GetProperty("field").GetString() == "ownerId" && e.GetProperty("newValue").GetString() == team.Ids["zhao"]);
    }
}
