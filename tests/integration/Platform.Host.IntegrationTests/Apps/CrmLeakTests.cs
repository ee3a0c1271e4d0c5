using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Apps.CrmPackageTests;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Apps;

/// <summary>
/// The leak matrix over the CRM's doors: a colleague with the same role (own scope) meets none of a salesperson's customer,
/// order, delivery notice, change request, weekly plan or approval through lists, keys, related lists, export, the audit trail,
/// actions, merges, duplicate checks or lookups from records of his own; the salesperson meets no product cost (hidden from her
/// role) in any query option; reads the manager's comment on her weekly plan but cannot write it — while her manager (my
/// subordinates' scope) reads all of it, so each door is shown open to the one who may pass.
/// </summary>
public sealed class CrmLeakTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url) => (await client.GetAsync(url)).StatusCode;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_colleague_reaches_nothing_of_hers_through_any_door_and_her_manager_reaches_all_of_it(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var pump = await ODataRecords.CreateAsync(team.Admin, "product", """{ "code": "P-01", "name": "液压泵", "price": 1000, "cost": 612.34 }""");
        var customer = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "绍兴印染有限公司", "phone": "0575-85551234" }""");
        var contact = await ODataRecords.CreateAsync(team.Li, "contact", $$"""{ "name": "沈总", "customer": "{{customer}}" }""");
        var order = await ODataRecords.CreateAsync(team.Li, "sales_order", $$"""{ "customer": "{{customer}}", "shippingAddress": "绍兴市柯桥区", "lines": [ { "product": "{{pump}}", "quantity": 4 } ] }""");
        await ApproveAsync(team, team.Li, "crm_sales_order_approval", "sales_order", order);
        var (delivered, deliveredBody) = await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/deliver");
        Assert.True(delivered == HttpStatusCode.OK, deliveredBody.ToString());
        var notice = deliveredBody.GetProperty("open").GetProperty("id").GetString()!;
        var (changed, changedBody) = await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/requestChange", new { input = new { reason = "追加 1 台" } });
        Assert.True(changed == HttpStatusCode.OK, changedBody.ToString());
        var change = changedBody.GetProperty("open").GetProperty("id").GetString()!;
        var plan = await ODataRecords.CreateAsync(team.Li, "weekly_plan", """{ "goals": "拿下绍兴印染的订单" }""");
        var mine = await ODataRecords.CreateAsync(team.Wang, "customer", """{ "name": "湖州丝绸有限公司" }""");
        var doors = new (string Door, string Url)[]
        {
            ("customer key", $"/odata/customer({customer})"), ("contact key", $"/odata/contact({contact})"), ("order key", $"/odata/sales_order({order})"),
            ("delivery notice key", $"/odata/delivery_notice({notice})"), ("change request key", $"/odata/sales_order_change({change})"),
            ("weekly plan key", $"/odata/weekly_plan({plan})"), ("audit trail", $"/api/audit/customer/{customer}"),
        };

        // The manager passes every door: they are open to the one who may.
        foreach (var (door, url) in doors)
        {
            Assert.True(await StatusAsync(team.Zhou, url) == HttpStatusCode.OK, $"the manager was refused the {door}");
        }

        // The colleague: keys and the trail are 404, as for records that do not exist.
        foreach (var (door, url) in doors)
        {
            Assert.True(await StatusAsync(team.Wang, url) == HttpStatusCode.NotFound, $"the colleague was let through the {door}");
        }

        // Lists, related lists (a customer's contacts tab asks just this), expanded lines, export.
        foreach (var set in new[] { "customer", "contact", "sales_order", "delivery_notice", "sales_order_change", "weekly_plan" })
        {
            var list = await team.Wang.GetStringAsync($"/odata/{set}?$expand=*");
            Assert.DoesNotContain("绍兴", list, StringComparison.Ordinal);
            Assert.DoesNotContain("沈总", list, StringComparison.Ordinal);
        }

        Assert.Empty((await team.Wang.GetFromJsonAsync<JsonElement>($"/odata/contact?$filter=customer eq {customer}")).GetProperty("value").EnumerateArray());
        var export = await team.Wang.GetStringAsync("/api/export/customer?format=csv");
        Assert.Contains("湖州丝绸有限公司", export, StringComparison.Ordinal);
        Assert.DoesNotContain("绍兴印染", export, StringComparison.Ordinal);

        // Actions on her records, and records of his own pointing at hers: refused without a word of hers.
        Assert.Equal(HttpStatusCode.NotFound, (await RunAsync(team.Wang, $"/api/records/sales_order/{order}/actions/deliver")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await RunAsync(team.Wang, $"/api/records/delivery_notice/{notice}/actions/ship", new { input = new { carrier = "sf", trackingNumber = "SF1" } })).Status);
        foreach (var (set, json) in new[]
                 {
                     ("contact", $$"""{ "name": "冒名", "customer": "{{customer}}" }"""),
                     ("sales_order_change", $$"""{ "salesOrder": "{{order}}", "reason": "x" }"""),
                     ("sales_return", $$"""{ "salesOrder": "{{order}}", "customer": "{{mine}}", "kind": "return", "reason": "quality", "description": "x", "lines": [ { "product": "{{pump}}", "quantity": 1 } ] }"""),
                     ("delivery_notice", $$"""{ "salesOrder": "{{order}}", "customer": "{{mine}}", "shipTo": "x", "lines": [ { "product": "{{pump}}", "quantity": 1 } ] }"""),
                 })
        {
            var (status, body) = await SendAsync(team.Wang, HttpMethod.Post, $"/odata/{set}", json);
            Assert.True(status == HttpStatusCode.BadRequest, $"{set}: {status} {body}");
            Assert.DoesNotContain("绍兴", body, StringComparison.Ordinal);
        }

        // Merging her customer into his is refused, and hers is untouched.
        var (merged, mergedBody) = await SendAsync(team.Wang, HttpMethod.Post, $"/api/records/customer/{mine}/merge", $$"""{ "version": 1, "merged": "{{customer}}", "mergedVersion": 1, "take": [ "phone" ] }""");
        Assert.True(merged is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{merged} {mergedBody}");
        Assert.Equal("0575-85551234", (await team.Zhou.GetFromJsonAsync<JsonElement>($"/odata/customer({customer})")).GetProperty("phone").GetString());

        // The duplicate check says a customer of that name exists, but neither which nor whose.
        var duplicates = await team.Wang.PostAsJsonAsync("/api/records/customer/duplicates", new { values = new { name = "绍兴印染有限公司" } });
        var found = await duplicates.Content.ReadAsStringAsync();
        Assert.True(duplicates.IsSuccessStatusCode, found);
        Assert.NotEmpty(JsonDocument.Parse(found).RootElement.EnumerateArray());
        Assert.DoesNotContain(customer, found, StringComparison.Ordinal);

        // The approval: not among his tasks, its instance not his to read.
        var instance = (await team.Admin.GetFromJsonAsync<JsonElement>("/api/workflows/instances")).EnumerateArray()
            .First(i => i.GetProperty("recordId").GetString() == order).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(team.Zhou, $"/api/workflows/instances/{instance}"));
        Assert.True(await StatusAsync(team.Wang, $"/api/workflows/instances/{instance}") is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);

        // The product's cost, hidden from salespeople: in no row, refused in every query option; the manager sees it.
        foreach (var (url, shown) in new[] { ("/odata/product", "P-01"), ($"/odata/product({pump})", "P-01"), ($"/odata/sales_order({order})?$expand=*", "4000"),
                     ("/api/export/product?format=csv", "P-01"), ($"/api/audit/product/{pump}", "P-01") })
        {
            var read = await team.Li.GetStringAsync(url);
            Assert.Contains(shown, read, StringComparison.Ordinal);
            Assert.DoesNotContain("612.34", read, StringComparison.Ordinal);
        }

        foreach (var query in new[] { "$select=cost", "$filter=cost gt 0", "$orderby=cost" })
        {
            Assert.True(await StatusAsync(team.Li, $"/odata/product?{query}") == HttpStatusCode.BadRequest, query);
        }

        Assert.Contains("612.34", await team.Zhou.GetStringAsync($"/odata/product({pump})"), StringComparison.Ordinal);

        // The manager's comment on her weekly plan: hers to read, his to write.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(team.Zhou, HttpMethod.Patch, $"/odata/weekly_plan({plan})", """{ "managerComment": "先确认交期" }""")).Status);
        Assert.Equal("先确认交期", (await team.Li.GetFromJsonAsync<JsonElement>($"/odata/weekly_plan({plan})")).GetProperty("managerComment").GetString());
        var (forged, forgedBody) = await SendAsync(team.Li, HttpMethod.Patch, $"/odata/weekly_plan({plan})", """{ "managerComment": "同意" }""");
        Assert.True(forged == HttpStatusCode.BadRequest, forgedBody);
        Assert.Equal("先确认交期", (await team.Zhou.GetFromJsonAsync<JsonElement>($"/odata/weekly_plan({plan})")).GetProperty("managerComment").GetString());
    }
}
