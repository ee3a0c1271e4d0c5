using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Apps;

/// <summary>
/// The CRM app package (<c>apps/packages/crm</c>) as a sales team uses it, all configuration: a salesperson sees their own
/// customers and the public pool (公海), not a colleague's; claims from the pool up to a limit and returns with a reason;
/// converts a lead into a customer, a contact and an opportunity; quotes three lines with tax exact to the cent and turns the
/// quote into an order; a follow-up dates the customer's last contact; a receipt in US dollars is converted to yuan; the manager
/// reads what the team owns and comments on a follow-up the salesperson may read but not change.
/// </summary>
public sealed class CrmPackageTests
{
    private const string Password = "Crm-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string CrmFolder => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "crm");

    internal sealed record Team(PlatformHost Host, HttpClient Admin, HttpClient Li, HttpClient Wang, HttpClient Zhou, Dictionary<string, string> Ids);

    /// <summary>销售一部: manager Zhou; salespeople Li and Wang.</summary>
    internal static async Task<Team> StartAsync(string provider, params (string Key, string? Value)[] settings)
    {
        var host = await PlatformHost.StartAsync(provider, [("Platform:Packages:0", CrmFolder), .. settings]);
        var team = await Accounts.CreateDepartmentAsync(host, "销售一部");
        var ids = new Dictionary<string, string>
        {
            ["zhou"] = await Accounts.CreateUserInAsync(host, "zhou", Password, team, "CRM sales manager"),
            ["li"] = await Accounts.CreateUserInAsync(host, "li", Password, team, "CRM salesperson"),
            ["wang"] = await Accounts.CreateUserInAsync(host, "wang", Password, team, "CRM salesperson"),
        };
        await Accounts.SetManagerAsync(host, team, ids["zhou"]);
        async Task<HttpClient> SignInAsync(string name)
        {
            var client = await host.CreateClientForAsync(name, Password);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
            return client;
        }

        return new Team(host, await host.CreateAdminClientAsync(), await SignInAsync("li"), await SignInAsync("wang"), await SignInAsync("zhou"), ids);
    }

    internal static async Task<List<string>> NamesAsync(HttpClient client, string entity, string field = "name", string? filter = null) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/odata/{entity}?$orderby={field}{(filter is null ? "" : "&$filter=" + filter)}")).GetProperty("value").EnumerateArray()
            .Select(r => r.GetProperty(field).GetString()!)];

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> RunAsync(HttpClient client, string url, object? body = null)
    {
        var response = await client.PostAsJsonAsync(url, body ?? new { });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    private static async Task<string> PooledAsync(Team team, string name)
    {
        var id = await ODataRecords.CreateAsync(team.Admin, "customer", $$"""{ "name": "{{name}}" }""");
        var released = await SendAsync(team.Admin, HttpMethod.Patch, $"/odata/customer({id})", """{ "ownerId": null, "departmentId": null }""");
        Assert.True(released.Status == HttpStatusCode.OK, released.Body);
        return id;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_salesperson_works_their_customers_and_the_pool_and_claims_and_returns_with_a_reason(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "宁波港口机械有限公司" }""");
        await ODataRecords.CreateAsync(team.Wang, "customer", """{ "name": "温州鞋业有限公司" }""");
        var pooled = await PooledAsync(team, "舟山水产有限公司");

        Assert.Equal(["宁波港口机械有限公司", "舟山水产有限公司"], await NamesAsync(team.Li, "customer"));
        Assert.Equal(["温州鞋业有限公司", "舟山水产有限公司"], await NamesAsync(team.Wang, "customer"));
        Assert.Equal(["宁波港口机械有限公司", "温州鞋业有限公司", "舟山水产有限公司"], await NamesAsync(team.Zhou, "customer")); // 上级看下级

        // Wang may read the pooled customer but not change it; claiming makes it his, and it leaves Li's pool.
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(team.Wang, HttpMethod.Patch, $"/odata/customer({pooled})", """{ "notes": "mine" }""")).Status);
        var (claimed, claimBody) = await RunAsync(team.Wang, $"/api/records/customer/{pooled}/actions/claim");
        Assert.True(claimed == HttpStatusCode.OK, claimBody.ToString());
        Assert.Equal(["宁波港口机械有限公司"], await NamesAsync(team.Li, "customer"));
        Assert.Equal(team.Ids["wang"], (await team.Wang.GetFromJsonAsync<JsonElement>($"/odata/customer({pooled})")).GetProperty("ownerId").GetString());

        // Returned with a reason: in the pool again, the reason kept on the customer.
        var (returned, returnBody) = await RunAsync(team.Wang, $"/api/records/customer/{pooled}/actions/release", new { input = new { reason = "客户暂无采购计划" } });
        Assert.True(returned == HttpStatusCode.OK, returnBody.ToString());
        var back = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/customer({pooled})");
        Assert.Equal(JsonValueKind.Null, back.GetProperty("ownerId").ValueKind);
        Assert.Contains("客户暂无采购计划", back.GetProperty("poolNotes").GetString(), StringComparison.Ordinal);

        // The pool view the menu opens is the customers nobody owns.
        var pool = await team.Li.GetFromJsonAsync<JsonElement>("/odata/customer?$filter=ownerId eq null");
        Assert.Equal(["舟山水产有限公司"], pool.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Claiming_stops_at_fifty_customers_a_head_and_says_why(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var many = Enumerable.Range(1, 50).Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["name"] = $"客户{i:D2}" }).ToList();
        var liActor = new Platform.Core.Security.Actor(team.Ids["li"], "li");
        Assert.All(await team.Host.InScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Platform.Data.Records.RecordStore>(s)
            .CreateManyAsync("customer", many, liActor)), r => Assert.True(r.Succeeded, string.Join("; ", r.Errors.Select(e => e.Message))));
        var pooled = await PooledAsync(team, "台州模具有限公司");

        var (refused, body) = await RunAsync(team.Li, $"/api/records/customer/{pooled}/actions/claim");

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("每人最多持有 50 个客户", body.ToString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await team.Li.GetFromJsonAsync<JsonElement>($"/odata/customer({pooled})")).GetProperty("ownerId").ValueKind);
        var (wangClaims, wangBody) = await RunAsync(team.Wang, $"/api/records/customer/{pooled}/actions/claim");
        Assert.True(wangClaims == HttpStatusCode.OK, wangBody.ToString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_lead_becomes_a_customer_whose_quote_of_three_lines_with_tax_becomes_an_order(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var products = new List<string>();
        foreach (var (code, name, price) in new[] { ("P-01", "液压泵", 1234.57m), ("P-02", "密封圈", 0.83m), ("P-03", "安装服务", 99.99m) })
        {
            products.Add(await ODataRecords.CreateAsync(team.Admin, "product", $$"""{ "code": "{{code}}", "name": "{{name}}", "price": {{price}} }"""));
        }

        var lead = await ODataRecords.CreateAsync(team.Li, "lead", """{ "name": "陈经理", "company": "嘉兴纺织机械有限公司", "mobile": "13905730001", "need": "液压系统改造" }""");
        var (converted, convertBody) = await RunAsync(team.Li, $"/api/records/lead/{lead}/actions/convert");
        Assert.True(converted == HttpStatusCode.OK, convertBody.ToString());
        var customer = convertBody.GetProperty("open").GetProperty("id").GetString()!;
        Assert.Equal(["嘉兴纺织机械有限公司"], await NamesAsync(team.Li, "customer"));
        Assert.Equal(["陈经理"], await NamesAsync(team.Li, "contact"));
        Assert.Equal(["嘉兴纺织机械有限公司 — 液压系统改造"], await NamesAsync(team.Li, "opportunity"));
        Assert.Equal(HttpStatusCode.Conflict, (await RunAsync(team.Li, $"/api/records/lead/{lead}/actions/convert")).Status); // once: no longer offered

        // Three lines at 13 %: each line's tax-inclusive price and amount to the cent, the totals their sums.
        var quote = await ODataRecords.CreateAsync(team.Li, "quote", $$"""
            { "customer": "{{customer}}", "lines": [
              { "product": "{{products[0]}}", "quantity": 3 },
              { "product": "{{products[1]}}", "quantity": 1000 },
              { "product": "{{products[2]}}", "quantity": 7, "taxRate": 0.06 } ] }
            """);
        var saved = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/quote({quote})?$expand=lines");
        var lines = saved.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([1395.06m, 0.94m, 105.99m], lines.Select(l => l.GetProperty("priceWithTax").GetDecimal()));
        Assert.Equal([4185.19m, 937.90m, 741.93m], lines.Select(l => l.GetProperty("amount").GetDecimal())); // net 3703.71 + tax 481.48
        Assert.Equal([481.48m, 107.90m, 42.00m], lines.Select(l => l.GetProperty("tax").GetDecimal())); // each line's net × rate, to the cent (VAT invoice lines)
        Assert.Equal(5865.02m, saved.GetProperty("total").GetDecimal());
        Assert.Equal(631.38m, saved.GetProperty("totalTax").GetDecimal());
        Assert.Equal(5233.64m, saved.GetProperty("totalNet").GetDecimal());

        var (ordered, orderBody) = await RunAsync(team.Li, $"/api/records/quote/{quote}/actions/toOrder");
        Assert.True(ordered == HttpStatusCode.OK, orderBody.ToString());
        var order = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_order({orderBody.GetProperty("open").GetProperty("id").GetString()})?$expand=lines");
        Assert.Equal(5865.02m, order.GetProperty("total").GetDecimal());
        Assert.Equal(3, order.GetProperty("lines").GetArrayLength());
        Assert.Equal("draft", order.GetProperty("status").GetString());
        var accepted = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/quote({quote})");
        Assert.Equal(("accepted", order.GetProperty("id").GetString()), (accepted.GetProperty("status").GetString(), accepted.GetProperty("salesOrder").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await RunAsync(team.Li, $"/api/records/quote/{quote}/actions/toOrder")).Status); // once: no longer offered
        Assert.Equal([order.GetProperty("orderNumber").GetString()!], await NamesAsync(team.Zhou, "sales_order", "orderNumber")); // the manager sees it
        Assert.Empty(await NamesAsync(team.Wang, "sales_order", "orderNumber"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_new_quote_line_offers_the_customers_last_price_and_prices_with_tax_add_up_to_the_cent_through_to_the_order(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var pump = await ODataRecords.CreateAsync(team.Admin, "product", """{ "code": "P-01", "name": "液压泵", "price": 1234.57 }""");
        var service = await ODataRecords.CreateAsync(team.Admin, "product", """{ "code": "P-03", "name": "安装服务", "price": 88.4867 }""");
        var acme = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "嘉兴纺织机械有限公司" }""");
        var other = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "湖州电机有限公司" }""");
        async Task<JsonElement> QuoteAsync(string body) =>
            await team.Li.GetFromJsonAsync<JsonElement>($"/odata/quote({await ODataRecords.CreateAsync(team.Li, "quote", body)})?$expand=lines");

        // Negotiated at 1,150.00; the customer's next quote offers that price again, another customer the list price.
        await QuoteAsync($$"""{ "customer": "{{acme}}", "lines": [ { "product": "{{pump}}", "quantity": 2, "unitPrice": 1150 } ] }""");
        var again = await QuoteAsync($$"""{ "customer": "{{acme}}", "lines": [ { "product": "{{pump}}", "quantity": 1 } ] }""");
        var elsewhere = await QuoteAsync($$"""{ "customer": "{{other}}", "lines": [ { "product": "{{pump}}", "quantity": 1 } ] }""");
        Assert.Equal((1150m, 1299.5m), (again.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal(), again.GetProperty("lines")[0].GetProperty("priceWithTax").GetDecimal()));
        Assert.Equal(1234.57m, elsewhere.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());

        // 价格含税: 1,000 × 99.99 is 99,990.00 to the cent, in the quote and in the order made from it.
        var gross = await QuoteAsync($$"""{ "customer": "{{other}}", "pricesIncludeTax": true, "lines": [ { "product": "{{service}}", "quantity": 1000, "priceWithTax": 99.99 } ] }""");
        Assert.Equal((99990m, 88486.73m, 88.4867m), (gross.GetProperty("total").GetDecimal(), gross.GetProperty("totalNet").GetDecimal(), gross.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal()));
        var (ordered, orderBody) = await RunAsync(team.Li, $"/api/records/quote/{gross.GetProperty("id").GetString()}/actions/toOrder");
        Assert.True(ordered == HttpStatusCode.OK, orderBody.ToString());
        var order = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_order({orderBody.GetProperty("open").GetProperty("id").GetString()})");
        Assert.Equal((true, 99990m), (order.GetProperty("pricesIncludeTax").GetBoolean(), order.GetProperty("total").GetDecimal()));

        // Priced net the same line comes to 99,989.97 (tax on the net amount); switching the quote to 含税 recomputes its stored lines.
        var net = await QuoteAsync($$"""{ "customer": "{{other}}", "lines": [ { "product": "{{service}}", "quantity": 1000 } ] }""");
        Assert.Equal((99.99m, 99989.97m), (net.GetProperty("lines")[0].GetProperty("priceWithTax").GetDecimal(), net.GetProperty("total").GetDecimal()));
        var switched = await SendAsync(team.Li, HttpMethod.Patch, $"/odata/quote({net.GetProperty("id").GetString()})", """{ "pricesIncludeTax": true }""");
        Assert.True(switched.Status == HttpStatusCode.OK, switched.Body);
        Assert.Equal(99990m, (await team.Li.GetFromJsonAsync<JsonElement>($"/odata/quote({net.GetProperty("id").GetString()})")).GetProperty("total").GetDecimal());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_night_customers_without_a_follow_up_for_thirty_days_go_back_to_the_pool_with_a_note(string provider)
    {
        var team = await StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await using var _ = team.Host;
        var dispatcher = team.Host.Services.GetRequiredService<Platform.Bpmn.Engine.WorkflowTimerDispatcher>();
        var idle = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "宁波港口机械有限公司" }""");
        var visited = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "温州鞋业有限公司" }""");
        var claimedLater = await PooledAsync(team, "舟山水产有限公司");

        // Day 20: a visit to one customer; the pooled one is claimed (its 归属日期 starts then). Sessions expire meanwhile: sign in again.
        team.Host.Clock.Advance(TimeSpan.FromDays(20));
        var li = await team.Host.CreateClientForAsync("li", Password);
        await ODataRecords.CreateAsync(li, "follow_up", $$"""{ "customer": "{{visited}}", "kind": "visit", "summary": "拜访，确认需求" }""");
        Assert.Equal(HttpStatusCode.OK, (await RunAsync(li, $"/api/records/customer/{claimedLater}/actions/claim")).Status);

        // Day 31, after 2 a.m.: the night's run takes back only the customer nobody followed up.
        team.Host.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(2, await dispatcher.RunDueAsync()); // and the morning's birthday reminders
        (li, var admin, var wang) = (await team.Host.CreateClientForAsync("li", Password), await team.Host.CreateAdminClientAsync(), await team.Host.CreateClientForAsync("wang", Password));
        Assert.Equal(["温州鞋业有限公司", "舟山水产有限公司"], await NamesAsync(li, "customer", filter: "ownerId ne null"));
        var back = await admin.GetFromJsonAsync<JsonElement>($"/odata/customer({idle})");
        Assert.Equal(JsonValueKind.Null, back.GetProperty("ownerId").ValueKind);
        Assert.Equal(JsonValueKind.Null, back.GetProperty("ownedSince").ValueKind);
        Assert.Contains("30 天未跟进，自动退回公海", back.GetProperty("poolNotes").GetString());
        Assert.Contains("宁波港口机械有限公司", await NamesAsync(wang, "customer")); // in the pool: anyone may claim it

        // A salesperson cannot reset the clock by hand: 归属日期 follows the owner only.
        var forged = await SendAsync(li, HttpMethod.Patch, $"/odata/customer({visited})", """{ "ownedSince": "2099-01-01" }""");
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Follow_ups_date_the_customer_the_manager_comments_and_a_receipt_in_dollars_counts_in_yuan(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var customer = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "湖州竹业有限公司" }""");
        var followUp = await ODataRecords.CreateAsync(team.Li, "follow_up", $$"""{ "customer": "{{customer}}", "kind": "visit", "happenedOn": "2026-11-20", "summary": "拜访采购部，确认明年需求" }""");
        await ODataRecords.CreateAsync(team.Li, "follow_up", $$"""{ "customer": "{{customer}}", "happenedOn": "2026-11-02", "summary": "电话回访" }""");
        Assert.Equal("2026-11-20", (await team.Li.GetFromJsonAsync<JsonElement>($"/odata/customer({customer})")).GetProperty("lastFollowUpOn").GetString());

        var refused = await SendAsync(team.Li, HttpMethod.Patch, $"/odata/follow_up({followUp})", """{ "managerComment": "我自己写的" }""");
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var commented = await SendAsync(team.Zhou, HttpMethod.Patch, $"/odata/follow_up({followUp})", """{ "managerComment": "下周带技术一起去" }""");
        Assert.True(commented.Status == HttpStatusCode.OK, commented.Body);
        Assert.Equal("下周带技术一起去", (await team.Li.GetFromJsonAsync<JsonElement>($"/odata/follow_up({followUp})")).GetProperty("managerComment").GetString());

        var receipt = await ODataRecords.CreateAsync(team.Li, "receipt", $$"""{ "customer": "{{customer}}", "kind": "prepayment", "currency": "USD", "amount": 1500.25, "exchangeRate": 7.1234 }""");
        Assert.Equal(10686.88m, (await team.Li.GetFromJsonAsync<JsonElement>($"/odata/receipt({receipt})")).GetProperty("amountCny").GetDecimal()); // 10686.8809
        var (noRate, noRateBody) = await SendAsync(team.Li, HttpMethod.Post, "/odata/receipt", $$"""{ "customer": "{{customer}}", "currency": "EUR", "amount": 10, "exchangeRate": null }""");
        Assert.True(noRate == HttpStatusCode.BadRequest, noRateBody);
        Assert.Contains("exchangeRate", noRateBody, StringComparison.Ordinal);
    }
    internal static async Task ApproveAsync(Team team, HttpClient starter, string process, string entity, string id)
    {
        var (started, startBody) = await SendAsync(starter, HttpMethod.Post, $"/api/workflows/processes/{process}/instances", $$"""{ "entity": "{{entity}}", "recordId": "{{id}}" }""");
        Assert.True(started == HttpStatusCode.Created, startBody);
        var instance = JsonDocument.Parse(startBody).RootElement.GetProperty("id").GetGuid();
        var (twice, twiceBody) = await SendAsync(starter, HttpMethod.Post, $"/api/workflows/processes/{process}/instances", $$"""{ "entity": "{{entity}}", "recordId": "{{id}}" }""");
        Assert.True(twice == HttpStatusCode.BadRequest, twiceBody);
        Assert.True(twiceBody.Contains("不能重复提交", StringComparison.Ordinal), twiceBody);
        Assert.DoesNotContain((await team.Wang.GetFromJsonAsync<JsonElement>("/api/workflows/tasks/mine")).EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == instance);
        var task = (await team.Zhou.GetFromJsonAsync<JsonElement>("/api/workflows/tasks/mine")).EnumerateArray().Single(t => t.GetProperty("instanceId").GetGuid() == instance); // the starter's manager
        var (approved, approveBody) = await RunAsync(team.Zhou, $"/api/workflows/tasks/{task.GetProperty("id").GetString()}/approve", new { comment = "同意" });
        Assert.True(approved == HttpStatusCode.NoContent, approveBody.ToString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_order_approved_by_the_salespersons_manager_is_locked_and_changes_only_through_an_approved_change_request(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var pump = await ODataRecords.CreateAsync(team.Admin, "product", """{ "code": "P-01", "name": "液压泵", "price": 1000 }""");
        var seal = await ODataRecords.CreateAsync(team.Admin, "product", """{ "code": "P-02", "name": "密封圈", "price": 2.5 }""");
        var customer = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "绍兴印染有限公司" }""");
        var (approvedAtOnce, approvedAtOnceBody) = await SendAsync(team.Li, HttpMethod.Post, "/odata/sales_order", $$"""{ "customer": "{{customer}}", "status": "approved", "lines": [ { "product": "{{pump}}", "quantity": 1 } ] }""");
        Assert.True(approvedAtOnce == HttpStatusCode.BadRequest, approvedAtOnceBody);
        Assert.Contains("新订单只能是草稿", approvedAtOnceBody, StringComparison.Ordinal);
        var order = await ODataRecords.CreateAsync(team.Li, "sales_order", $$"""{ "customer": "{{customer}}", "lines": [ { "product": "{{pump}}", "quantity": 2 }, { "product": "{{seal}}", "quantity": 100 } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(team.Li, HttpMethod.Patch, $"/odata/sales_order({order})", """{ "status": "approved" }""")).Status);

        await ApproveAsync(team, team.Li, "crm_sales_order_approval", "sales_order", order);

        var (again, againBody) = await SendAsync(team.Li, HttpMethod.Post, "/api/workflows/processes/crm_sales_order_approval/instances", $$"""{ "entity": "sales_order", "recordId": "{{order}}" }""");
        Assert.True(again == HttpStatusCode.BadRequest, againBody); // approved: not submitted again (platform:submitWhen)
        Assert.Contains("不能提交“销售订单审批”", againBody, StringComparison.Ordinal);
        var approved = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})?$expand=lines");
        Assert.Equal(("approved", 2542.50m), (approved.GetProperty("status").GetString(), approved.GetProperty("total").GetDecimal())); // (2000 + 250) × 1.13
        var lines = approved.GetProperty("lines").EnumerateArray().ToList();
        var (locked, lockedBody) = await SendAsync(team.Li, HttpMethod.Patch, $"/odata/sales_order({order})",
            $$"""{ "lines": [ { "id": "{{lines[0].GetProperty("id").GetString()}}", "quantity": 5 }, { "id": "{{lines[1].GetProperty("id").GetString()}}" } ] }""");
        Assert.True(locked == HttpStatusCode.BadRequest, lockedBody);
        Assert.Contains("lines", lockedBody, StringComparison.Ordinal);

        // 申请变更: a change record holding the order's lines, one open change at a time.
        var (requested, requestBody) = await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/requestChange", new { input = new { reason = "客户追加 3 台液压泵，密封圈减半" } });
        Assert.True(requested == HttpStatusCode.OK, requestBody.ToString());
        var change = requestBody.GetProperty("open").GetProperty("id").GetString()!;
        var (twice, twiceBody) = await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/requestChange", new { input = new { reason = "again" } });
        Assert.Equal(HttpStatusCode.BadRequest, twice);
        Assert.Contains("已有一张未完成的变更单", twiceBody.ToString(), StringComparison.Ordinal);
        var draft = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_order_change({change})?$expand=lines");
        Assert.Equal(2542.50m, draft.GetProperty("previousTotal").GetDecimal());
        Assert.Equal(lines.Select(l => l.GetProperty("id").GetString()), draft.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("orderLine").GetString()));
        var changeLines = draft.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        var edited = await SendAsync(team.Li, HttpMethod.Patch, $"/odata/sales_order_change({change})",
            $$"""{ "lines": [ { "id": "{{changeLines[0]}}", "quantity": 5 }, { "id": "{{changeLines[1]}}", "quantity": 50 } ] }""");
        Assert.True(edited.Status == HttpStatusCode.OK, edited.Body);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(team.Li, HttpMethod.Patch, $"/odata/sales_order_change({change})", """{ "status": "approved" }""")).Status);
        Assert.Equal(2, (await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})?$expand=lines")).GetProperty("lines").EnumerateArray()
            .Single(l => l.GetProperty("id").GetString() == lines[0].GetProperty("id").GetString()).GetProperty("quantity").GetDecimal()); // nothing applied before approval

        await ApproveAsync(team, team.Li, "crm_sales_order_change_approval", "sales_order_change", change);

        var applied = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_order_change({change})");
        Assert.Equal(("approved", 5791.25m, 3248.75m), (applied.GetProperty("status").GetString(), applied.GetProperty("total").GetDecimal(), applied.GetProperty("difference").GetDecimal()));
        var changed = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})?$expand=lines");
        Assert.Equal(5791.25m, changed.GetProperty("total").GetDecimal()); // (5000 + 125) × 1.13
        Assert.Equal(lines.Select(l => l.GetProperty("id").GetString()), changed.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("id").GetString())); // the same lines, changed
        Assert.Equal([5m, 50m], changed.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("quantity").GetDecimal()));
        Assert.Contains($"[{applied.GetProperty("changeNumber").GetString()}] 客户追加 3 台液压泵", changed.GetProperty("notes").GetString(), StringComparison.Ordinal);
        var trail = await team.Li.GetStringAsync($"/api/audit/sales_order/{order}");
        Assert.Contains("quantity", trail, StringComparison.Ordinal); // the order's history keeps the line changes

        // Shipped: no more changes; completed.
        var (shipped, shipBody) = await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/ship", new { input = new { carrier = "顺丰", trackingNumber = "SF1234567890" } });
        Assert.True(shipped == HttpStatusCode.OK, shipBody.ToString());
        Assert.Equal(HttpStatusCode.Conflict, (await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/requestChange", new { input = new { reason = "late" } })).Status);
        Assert.True((await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/complete")).Status == HttpStatusCode.OK);
        var done = await team.Zhou.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})");
        Assert.Equal(("completed", "SF1234567890"), (done.GetProperty("status").GetString(), done.GetProperty("trackingNumber").GetString()));
    }
    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_quote_discounted_beyond_ten_percent_becomes_an_order_only_once_the_manager_approves_the_discount(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var pump = await ODataRecords.CreateAsync(team.Admin, "product", """{ "code": "P-01", "name": "液压泵", "price": 1000 }""");
        var customer = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "丽水阀门有限公司" }""");
        var quote = await ODataRecords.CreateAsync(team.Li, "quote", $$"""{ "customer": "{{customer}}", "lines": [ { "product": "{{pump}}", "quantity": 2, "unitPrice": 850 } ] }""");
        var saved = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/quote({quote})?$expand=lines");
        Assert.Equal((0.15m, 0.15m), (saved.GetProperty("lines")[0].GetProperty("discount").GetDecimal(), saved.GetProperty("maxDiscount").GetDecimal()));

        Assert.Equal(HttpStatusCode.Conflict, (await RunAsync(team.Li, $"/api/records/quote/{quote}/actions/toOrder")).Status); // 15 % > 10 %: not yet
        var (selfApproved, selfApprovedBody) = await SendAsync(team.Li, HttpMethod.Patch, $"/odata/quote({quote})", """{ "status": "approved" }""");
        Assert.True(selfApproved == HttpStatusCode.BadRequest, selfApprovedBody);
        Assert.Contains("折扣审批的状态由审批流程决定", selfApprovedBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(team.Li, HttpMethod.Patch, $"/odata/quote({quote})", """{ "approvedDiscount": 0.5 }""")).Status);

        await ApproveAsync(team, team.Li, "crm_quote_discount_approval", "quote", quote);

        var approved = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/quote({quote})");
        Assert.Equal(("approved", 0.15m), (approved.GetProperty("status").GetString(), approved.GetProperty("approvedDiscount").GetDecimal()));
        var (again, againBody) = await SendAsync(team.Li, HttpMethod.Post, "/api/workflows/processes/crm_quote_discount_approval/instances", $$"""{ "entity": "quote", "recordId": "{{quote}}" }""");
        Assert.True(again == HttpStatusCode.BadRequest, againBody); // the discount is approved: nothing to submit
        var (ordered, orderBody) = await RunAsync(team.Li, $"/api/records/quote/{quote}/actions/toOrder");
        Assert.True(ordered == HttpStatusCode.OK, orderBody.ToString());

        // Within 10 %: straight to an order, no approval to ask for.
        var small = await ODataRecords.CreateAsync(team.Li, "quote", $$"""{ "customer": "{{customer}}", "lines": [ { "product": "{{pump}}", "quantity": 1, "unitPrice": 950 } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(team.Li, HttpMethod.Post, "/api/workflows/processes/crm_quote_discount_approval/instances", $$"""{ "entity": "quote", "recordId": "{{small}}" }""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await RunAsync(team.Li, $"/api/records/quote/{small}/actions/toOrder")).Status);
    }
}
