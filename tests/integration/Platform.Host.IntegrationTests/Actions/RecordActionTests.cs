using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Entities;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Identity.Models;
using Platform.Identity.Services;
using Platform.Records.Packages;

namespace Platform.Host.IntegrationTests.Actions;

/// <summary>
/// Record actions (buttons with a script): converting a lead makes a customer and its contact and marks the lead, all in one
/// transaction, then names the customer to open; a script that fails or runs too long leaves nothing behind and says where it
/// failed; the action is a permission of its own, offered only while its condition holds; an elevated action (claiming from the
/// public pool) saves what a salesperson could not save by hand; several chosen records go through together or not at all.
/// </summary>
public sealed class RecordActionTests
{
    private const string Password = "Sales-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly string Lead = """
        {
          "name": "lead", "label": { "zh-CN": "线索", "en": "Lead" }, "titleField": "name",
          "fields": [
            { "name": "name", "type": "text", "label": { "zh-CN": "姓名", "en": "Name" }, "required": true },
            { "name": "company", "type": "text", "label": { "zh-CN": "公司", "en": "Company" } },
            { "name": "note", "type": "text", "label": { "zh-CN": "备注", "en": "Note" } },
            { "name": "status", "type": "choice", "label": { "zh-CN": "状态", "en": "Status" },
              "choices": [ { "value": "new" }, { "value": "converted" } ], "default": "'new'" }
          ],
          "actions": [
            { "name": "convert", "label": { "zh-CN": "转为客户", "en": "Convert" }, "show": [ "form", "row", "bulk" ],
              "when": "record.status !== 'converted'", "confirm": { "zh-CN": "确定转为客户吗？", "en": "Convert this lead?" },
              "script": "var c = create('customer', { name: record.company || record.name });\ncreate('contact', { name: record.name, customer: c });\nupdate('lead', record.id, { status: 'converted' });\nopen('customer', c);" },
            { "name": "callBack", "label": { "zh-CN": "约定回访", "en": "Call back" },
              "inputs": [
                { "name": "on", "type": "date", "label": { "zh-CN": "回访日期", "en": "Date" }, "required": true },
                { "name": "why", "type": "text", "label": { "zh-CN": "事由", "en": "Why" } }
              ],
              "script": "update('lead', record.id, { note: input.on.toISOString().slice(0, 10) + ' ' + (input.why || '-') });" },
            { "name": "broken", "label": { "zh-CN": "坏的", "en": "Broken" },
              "script": "create('customer', { name: 'half done' });\nthrow new Error('no partner system');" },
            { "name": "endless", "label": { "zh-CN": "停不下来", "en": "Endless" },
              "script": "create('customer', { name: 'never' });\nwhile (true) {}" }
          ]
        }
        """;

    private static readonly string Customer = """
        {
          "name": "customer", "label": { "zh-CN": "客户", "en": "Customer" }, "titleField": "name",
          "fields": [ { "name": "name", "type": "text", "label": { "zh-CN": "名称", "en": "Name" }, "required": true } ],
          "actions": [
            { "name": "claim", "label": { "zh-CN": "领取", "en": "Claim" }, "show": [ "row" ], "elevated": true,
              "when": "!record.ownerId", "script": "update('customer', record.id, { ownerId: user.id, departmentId: user.department });" },
            { "name": "claimPlain", "label": { "zh-CN": "领取（普通）", "en": "Claim (plain)" },
              "when": "!record.ownerId", "script": "update('customer', record.id, { ownerId: user.id, departmentId: user.department });" }
          ]
        }
        """;

    private static readonly string Contact = """
        {
          "name": "contact", "label": { "zh-CN": "联系人", "en": "Contact" }, "titleField": "name",
          "fields": [
            { "name": "name", "type": "text", "label": { "zh-CN": "姓名", "en": "Name" }, "required": true },
            { "name": "customer", "type": "lookup", "target": "customer", "label": { "zh-CN": "客户", "en": "Customer" } }
          ]
        }
        """;

    private sealed record Crm(PlatformHost Host, HttpClient Admin, HttpClient Seller, HttpClient Trainee, string SellerId);

    /// <summary>A seller may work leads and run convert and claim; a trainee may read leads but runs no action.</summary>
    private static async Task<Crm> StartAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(
            [new AppPackageFile("entities/customer.json", Customer), new AppPackageFile("entities/contact.json", Contact), new AppPackageFile("entities/lead.json", Lead)], "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var sales = await Accounts.CreateDepartmentAsync(host, "销售部");
        await Accounts.CreateRoleAsync(host, "Seller", "Records.lead.Create", "Records.lead.Read.Own", "Records.lead.Update.Own", "Records.lead.Action.convert",
            "Records.lead.Action.broken", "Records.lead.Action.callBack", "Records.lead.Action.endless", "Records.customer.Create", "Records.customer.Read.All", "Records.customer.Update.Own",
            "Records.customer.Action.claim", "Records.customer.Action.claimPlain", "Records.contact.Create", "Records.contact.Read.Own");
        await Accounts.CreateRoleAsync(host, "Trainee", "Records.lead.Read.All");
        var sellerId = await Accounts.CreateUserInAsync(host, "seller", Password, sales, "Seller");
        await Accounts.CreateUserInAsync(host, "trainee", Password, sales, "Trainee");
        return new Crm(host, await host.CreateAdminClientAsync(), await host.CreateClientForAsync("seller", Password), await host.CreateClientForAsync("trainee", Password), sellerId);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> RunAsync(HttpClient client, string url, object? body = null)
    {
        var response = await client.PostAsJsonAsync(url, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string set) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/odata/{set}")).GetProperty("value").EnumerateArray()];

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Converting_a_lead_makes_its_customer_and_contact_marks_it_and_opens_the_customer(string provider)
    {
        var crm = await StartAsync(provider);
        await using var _ = crm.Host;
        var lead = await ODataRecords.CreateAsync(crm.Seller, "lead", """{ "name": "王小明", "company": "杭州丝绸有限公司" }""");

        var (status, body) = await RunAsync(crm.Seller, $"/api/records/lead/{lead}/actions/convert");

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal(2, body.GetProperty("created").GetInt32());
        Assert.Equal(1, body.GetProperty("updated").GetInt32());
        Assert.Equal("customer", body.GetProperty("open").GetProperty("entity").GetString());
        var customer = Assert.Single(await ListAsync(crm.Admin, "customer"));
        Assert.Equal("杭州丝绸有限公司", customer.GetProperty("name").GetString());
        Assert.Equal(customer.GetProperty("id").GetString(), body.GetProperty("open").GetProperty("id").GetString());
        Assert.Equal(crm.SellerId, customer.GetProperty("ownerId").GetString()); // made by the seller, owned by her
        var contact = Assert.Single(await ListAsync(crm.Seller, "contact"));
        Assert.Equal(customer.GetProperty("id").GetString(), contact.GetProperty("customer").GetString());
        Assert.Equal("converted", (await crm.Seller.GetFromJsonAsync<JsonElement>($"/odata/lead({lead})")).GetProperty("status").GetString());

        // Converted, it is not offered again: the condition is checked when the action runs, not only on the button.
        var again = await RunAsync(crm.Seller, $"/api/records/lead/{lead}/actions/convert");
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Single(await ListAsync(crm.Admin, "customer"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_script_that_fails_or_runs_too_long_leaves_nothing_and_says_where(string provider)
    {
        var crm = await StartAsync(provider);
        await using var _ = crm.Host;
        var lead = await ODataRecords.CreateAsync(crm.Seller, "lead", """{ "name": "李雷" }""");

        var broken = await RunAsync(crm.Seller, $"/api/records/lead/{lead}/actions/broken");
        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        var message = broken.Body.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("no partner system", message);
        Assert.Contains("line 2", message);

        var endless = await RunAsync(crm.Seller, $"/api/records/lead/{lead}/actions/endless");
        Assert.Equal(HttpStatusCode.BadRequest, endless.Status);
        Assert.Contains("stopped", endless.Body.GetProperty("error").GetProperty("message").GetString());

        Assert.Empty(await ListAsync(crm.Admin, "customer"));
        Assert.Equal("new", (await crm.Seller.GetFromJsonAsync<JsonElement>($"/odata/lead({lead})")).GetProperty("status").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_action_is_a_permission_of_its_own_on_records_the_person_may_read(string provider)
    {
        var crm = await StartAsync(provider);
        await using var _ = crm.Host;
        var sellers = await ODataRecords.CreateAsync(crm.Seller, "lead", """{ "name": "韩梅梅" }""");
        var admins = await ODataRecords.CreateAsync(crm.Admin, "lead", """{ "name": "Admin's lead" }""");

        Assert.Equal(HttpStatusCode.Forbidden, (await RunAsync(crm.Trainee, $"/api/records/lead/{sellers}/actions/convert")).Status); // reads it, may not convert
        Assert.Equal(HttpStatusCode.NotFound, (await RunAsync(crm.Seller, $"/api/records/lead/{admins}/actions/convert")).Status); // may convert, cannot see it
        Assert.Equal(HttpStatusCode.NotFound, (await RunAsync(crm.Seller, $"/api/records/lead/{sellers}/actions/vanish")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await RunAsync(crm.Seller, "/api/records/lead/actions/convert", new { ids = Array.Empty<Guid>() })).Status);
        Assert.Empty(await ListAsync(crm.Admin, "customer"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Claiming_from_the_public_pool_is_an_elevated_action_a_seller_could_not_do_by_hand(string provider)
    {
        var crm = await StartAsync(provider);
        await using var _ = crm.Host;
        var pooled = await ODataRecords.CreateAsync(crm.Admin, "customer", """{ "name": "宁波纺织", "ownerId": null, "departmentId": null }""");

        Assert.Equal(HttpStatusCode.Forbidden, (await RunAsync(crm.Seller, $"/api/records/customer/{pooled}/actions/claimPlain")).Status); // with her own rights: not hers to change
        var claimed = await RunAsync(crm.Seller, $"/api/records/customer/{pooled}/actions/claim");

        Assert.True(claimed.Status == HttpStatusCode.OK, claimed.Body.ToString());
        var customer = await crm.Seller.GetFromJsonAsync<JsonElement>($"/odata/customer({pooled})");
        Assert.Equal(crm.SellerId, customer.GetProperty("ownerId").GetString());
        Assert.Equal(crm.SellerId, customer.GetProperty("updatedBy").GetString()); // the audit names her, not the platform
        Assert.Equal(HttpStatusCode.Conflict, (await RunAsync(crm.Seller, $"/api/records/customer/{pooled}/actions/claim")).Status); // owned now: not in the pool
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Chosen_records_go_through_together_or_not_at_all(string provider)
    {
        var crm = await StartAsync(provider);
        await using var _ = crm.Host;
        var first = await ODataRecords.CreateAsync(crm.Seller, "lead", """{ "name": "甲", "company": "甲公司" }""");
        var second = await ODataRecords.CreateAsync(crm.Seller, "lead", """{ "name": "乙", "company": "乙公司" }""");
        var done = await ODataRecords.CreateAsync(crm.Seller, "lead", """{ "name": "丙", "company": "丙公司" }""");
        Assert.Equal(HttpStatusCode.OK, (await RunAsync(crm.Seller, $"/api/records/lead/{done}/actions/convert")).Status);

        var refused = await RunAsync(crm.Seller, "/api/records/lead/actions/convert", new { ids = new[] { first, second, done } });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status); // the third is converted already: the first two are not converted either
        Assert.Single(await ListAsync(crm.Admin, "customer"));

        var both = await RunAsync(crm.Seller, "/api/records/lead/actions/convert", new { ids = new[] { first, second } });
        Assert.True(both.Status == HttpStatusCode.OK, both.Body.ToString());
        Assert.Equal(4, both.Body.GetProperty("created").GetInt32());
        Assert.Equal(["丙公司", "乙公司", "甲公司"], (await ListAsync(crm.Admin, "customer")).Select(c => c.GetProperty("name").GetString()).Order());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_actions_form_is_checked_like_fields_before_anything_runs_and_its_script_reads_it(string provider)
    {
        var crm = await StartAsync(provider);
        await using var _ = crm.Host;
        var lead = await ODataRecords.CreateAsync(crm.Seller, "lead", """{ "name": "周杰" }""");
        var url = $"/api/records/lead/{lead}/actions/callBack";

        var missing = await RunAsync(crm.Seller, url, new { input = new { why = "报价" } });
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("input.on", missing.Body.GetProperty("error").GetProperty("target").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await RunAsync(crm.Seller, url, new { input = new { on = "next tuesday" } })).Status);
        var unknown = await RunAsync(crm.Seller, url, new { input = new { on = "2026-12-08", colour = "red" } });
        Assert.Equal("input.colour", unknown.Body.GetProperty("error").GetProperty("target").GetString());
        Assert.Equal(JsonValueKind.Null, (await crm.Seller.GetFromJsonAsync<JsonElement>($"/odata/lead({lead})")).GetProperty("note").ValueKind);

        var done = await RunAsync(crm.Seller, url, new { input = new { on = "2026-12-08", why = "报价" } });
        Assert.True(done.Status == HttpStatusCode.OK, done.Body.ToString());
        Assert.StartsWith("2026-12-08", (await crm.Seller.GetFromJsonAsync<JsonElement>($"/odata/lead({lead})")).GetProperty("note").GetString());
        Assert.EndsWith(" 报价", (await crm.Seller.GetFromJsonAsync<JsonElement>($"/odata/lead({lead})")).GetProperty("note").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_action_with_a_syntax_error_or_no_label_is_refused_where_it_is(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        Task<AppPackageReport> ApplyAsync(string lead) => host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(
            [new AppPackageFile("entities/customer.json", Customer), new AppPackageFile("entities/contact.json", Contact), new AppPackageFile("entities/lead.json", lead)], "admin"));

        var unlabelled = await ApplyAsync(Lead.Replace("{ \"zh-CN\": \"坏的\", \"en\": \"Broken\" }", "{}", StringComparison.Ordinal));
        var misspelt = await ApplyAsync(Lead.Replace("\"script\": \"var c = create(", "\"script\": \"var c = = create(", StringComparison.Ordinal));

        Assert.Contains(unlabelled.Errors, e => e.ToString().Contains("$.actions[2].label", StringComparison.Ordinal));
        Assert.Contains(misspelt.Errors, e => e.ToString().Contains("$.actions[0].script", StringComparison.Ordinal) && e.ToString().Contains("line 1", StringComparison.Ordinal));
        Assert.False(await host.InScopeAsync(async s => (await s.GetRequiredService<Platform.Data.Records.SchemaManager>().LoadSchemaAsync()).Find("lead") is not null));
    }
}
