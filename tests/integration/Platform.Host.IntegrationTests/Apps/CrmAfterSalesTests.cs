using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Apps.CrmPackageTests;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Apps;

/// <summary>
/// The CRM package after the order and around it, all configuration: delivery notices with tracking numbers move an approved
/// order into delivery; a return against a delivered order is approved by the manager and priced as the customer paid;
/// expenses belong to the customer's own orders; weekly plans count what was done and carry the manager's comment; marketing
/// activities count who came and what each cost.
/// </summary>
public sealed class CrmAfterSalesTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<(string Customer, string Pump, string Order)> ApprovedOrderAsync(Team team)
    {
        var pump = await ODataRecords.CreateAsync(team.Admin, "product", """{ "code": "P-01", "name": "液压泵", "price": 1000 }""");
        var customer = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "绍兴印染有限公司", "address": "绍兴市柯桥区" }""");
        var order = await ODataRecords.CreateAsync(team.Li, "sales_order", $$"""{ "customer": "{{customer}}", "shippingAddress": "绍兴市柯桥区华舍街道", "lines": [ { "product": "{{pump}}", "quantity": 4 } ] }""");
        await ApproveAsync(team, team.Li, "crm_sales_order_approval", "sales_order", order);
        return (customer, pump, order);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_delivery_notice_made_from_an_approved_order_ships_with_a_tracking_number_and_puts_the_order_in_delivery(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var (customer, pump, order) = await ApprovedOrderAsync(team);
        var draftOrder = await ODataRecords.CreateAsync(team.Li, "sales_order", $$"""{ "customer": "{{customer}}", "lines": [ { "product": "{{pump}}", "quantity": 1 } ] }""");
        var (early, earlyBody) = await SendAsync(team.Li, HttpMethod.Post, "/odata/delivery_notice", $$"""{ "salesOrder": "{{draftOrder}}", "customer": "{{customer}}", "shipTo": "x", "lines": [ { "product": "{{pump}}", "quantity": 1 } ] }""");
        Assert.True(early == HttpStatusCode.BadRequest, earlyBody);
        Assert.Contains("只有已审批或发货中的订单", earlyBody, StringComparison.Ordinal);

        var (made, madeBody) = await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/deliver");
        Assert.True(made == HttpStatusCode.OK, madeBody.ToString());
        var notice = madeBody.GetProperty("open").GetProperty("id").GetString()!;
        var shown = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/delivery_notice({notice})?$expand=lines");
        Assert.Equal(("绍兴市柯桥区华舍街道", 4m, "draft"), (shown.GetProperty("shipTo").GetString(), shown.GetProperty("totalQuantity").GetDecimal(), shown.GetProperty("status").GetString()));

        // Two partial deliveries: the first notice ships 3 of the 4 pumps.
        var line = shown.GetProperty("lines")[0].GetProperty("id").GetString();
        var (partial, partialBody) = await SendAsync(team.Li, HttpMethod.Patch, $"/odata/delivery_notice({notice})", $$"""{ "lines": [ { "id": "{{line}}", "quantity": 3 } ] }""");
        Assert.True(partial == HttpStatusCode.OK, partialBody);
        var (noNumber, noNumberBody) = await RunAsync(team.Li, $"/api/records/delivery_notice/{notice}/actions/ship", new { input = new { carrier = "sf" } });
        Assert.Equal(HttpStatusCode.BadRequest, noNumber);
        Assert.Contains("快递单号", noNumberBody.ToString(), StringComparison.Ordinal);
        var (shipped, shippedBody) = await RunAsync(team.Li, $"/api/records/delivery_notice/{notice}/actions/ship", new { input = new { carrier = "sf", trackingNumber = "SF1400012345678" } });
        Assert.True(shipped == HttpStatusCode.OK, shippedBody.ToString());

        var sent = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/delivery_notice({notice})");
        Assert.Equal(("shipped", "SF1400012345678"), (sent.GetProperty("status").GetString(), sent.GetProperty("trackingNumber").GetString()));
        Assert.Equal(JsonValueKind.String, sent.GetProperty("shippedOn").ValueKind);
        var (changedAfter, changedAfterBody) = await SendAsync(team.Li, HttpMethod.Patch, $"/odata/delivery_notice({notice})", """{ "trackingNumber": "forged" }""");
        Assert.True(changedAfter == HttpStatusCode.BadRequest, changedAfterBody); // shipped: the tracking number stays as shipped
        var delivering = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})");
        Assert.Equal(("delivering", "SF1400012345678"), (delivering.GetProperty("status").GetString(), delivering.GetProperty("trackingNumber").GetString()));

        // The second notice for the order in delivery; the manager sees his team's notices, a colleague does not.
        Assert.Equal(HttpStatusCode.OK, (await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/deliver")).Status);
        Assert.Equal(2, (await NamesAsync(team.Zhou, "delivery_notice", "noticeNumber")).Count);
        Assert.Empty(await NamesAsync(team.Wang, "delivery_notice", "noticeNumber"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_return_against_a_delivered_order_is_priced_as_paid_approved_by_the_manager_and_handled(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var (_, pump, order) = await ApprovedOrderAsync(team);
        Assert.Equal(HttpStatusCode.Conflict, (await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/returnGoods",
            new { input = new { kind = "return", reason = "quality", description = "x" } })).Status); // not delivered yet
        Assert.Equal(HttpStatusCode.OK, (await RunAsync(team.Admin, $"/api/records/sales_order/{order}/actions/ship", new { input = new { carrier = "顺丰", trackingNumber = "SF1" } })).Status);

        var (made, madeBody) = await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/returnGoods",
            new { input = new { kind = "return", reason = "quality", description = "一台液压泵漏油" } });
        Assert.True(made == HttpStatusCode.OK, madeBody.ToString());
        var back = madeBody.GetProperty("open").GetProperty("id").GetString()!;
        var returned = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_return({back})?$expand=lines");
        Assert.Equal((4520m, "draft"), (returned.GetProperty("refund").GetDecimal(), returned.GetProperty("status").GetString())); // 4 × 1,130.00 as ordered

        // One pump comes back: a line picked anew takes the price the customer paid on the order, 1,130.00 with tax.
        var (one, oneBody) = await SendAsync(team.Li, HttpMethod.Patch, $"/odata/sales_return({back})", $$"""{ "lines": [ { "product": "{{pump}}", "quantity": 1 } ] }""");
        Assert.True(one == HttpStatusCode.OK, oneBody);
        Assert.Equal(1130m, (await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_return({back})")).GetProperty("refund").GetDecimal());

        await ApproveAsync(team, team.Li, "crm_sales_return_approval", "sales_return", back);
        Assert.Equal("approved", (await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_return({back})")).GetProperty("status").GetString());
        var (notHers, _) = await RunAsync(team.Li, $"/api/records/sales_return/{back}/actions/complete", new { input = new { handling = "x" } });
        Assert.Equal(HttpStatusCode.Forbidden, notHers); // handling is the manager's
        var (handled, handledBody) = await RunAsync(team.Zhou, $"/api/records/sales_return/{back}/actions/complete", new { input = new { handling = "已退款 1,130.00，旧泵返厂" } });
        Assert.True(handled == HttpStatusCode.OK, handledBody.ToString());
        Assert.Equal("completed", (await team.Zhou.GetFromJsonAsync<JsonElement>($"/odata/sales_return({back})")).GetProperty("status").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Expenses_plans_and_activities_keep_their_own_counts_and_refuse_what_does_not_fit(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var (customer, _, order) = await ApprovedOrderAsync(team);
        var other = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "湖州电机有限公司" }""");

        // 费用: an order of another customer is refused; travel for this one is kept.
        var (wrong, wrongBody) = await SendAsync(team.Li, HttpMethod.Post, "/odata/expense", $$"""{ "category": "travel", "amount": 356.5, "customer": "{{other}}", "salesOrder": "{{order}}", "description": "拜访" }""");
        Assert.True(wrong == HttpStatusCode.BadRequest, wrongBody);
        Assert.Contains("该订单不属于所选客户", wrongBody, StringComparison.Ordinal);
        await ODataRecords.CreateAsync(team.Li, "expense", $$"""{ "category": "travel", "amount": 356.5, "customer": "{{customer}}", "salesOrder": "{{order}}", "description": "绍兴拜访高铁往返" }""");
        Assert.Single(await NamesAsync(team.Zhou, "expense", "description"));

        // 周计划: the week starts on a Monday; two of three items done; the manager comments, the salesperson only reads it.
        var (tuesday, tuesdayBody) = await SendAsync(team.Li, HttpMethod.Post, "/odata/weekly_plan", """{ "title": "第 49 周", "weekOf": "2026-12-01", "goals": "签下绍兴印染" }""");
        Assert.True(tuesday == HttpStatusCode.BadRequest, tuesdayBody);
        Assert.Contains("周一", tuesdayBody, StringComparison.Ordinal);
        var plan = await ODataRecords.CreateAsync(team.Li, "weekly_plan", $$"""
            { "title": "第 49 周", "weekOf": "2026-11-30", "goals": "签下绍兴印染", "items": [
              { "day": "mon", "customer": "{{customer}}", "activity": "拜访采购部", "done": true },
              { "day": "wed", "customer": "{{other}}", "activity": "电话回访", "done": true },
              { "day": "fri", "activity": "整理报价" } ] }
            """);
        var saved = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/weekly_plan({plan})");
        Assert.Equal((3L, 2L), (saved.GetProperty("planned").GetInt64(), saved.GetProperty("done").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(team.Li, HttpMethod.Patch, $"/odata/weekly_plan({plan})", """{ "managerComment": "自己夸自己" }""")).Status);
        var (commented, commentedBody) = await SendAsync(team.Zhou, HttpMethod.Patch, $"/odata/weekly_plan({plan})", """{ "managerComment": "周五前把报价发出" }""");
        Assert.True(commented == HttpStatusCode.OK, commentedBody);
        Assert.Equal("周五前把报价发出", (await team.Li.GetFromJsonAsync<JsonElement>($"/odata/weekly_plan({plan})")).GetProperty("managerComment").GetString());

        // 市场活动: invited contacts and leads, who came, the cost per head; an attendee must be someone.
        var contact = await ODataRecords.CreateAsync(team.Li, "contact", $$"""{ "name": "陈经理", "customer": "{{customer}}" }""");
        var lead = await ODataRecords.CreateAsync(team.Li, "lead", """{ "name": "王工", "company": "宁波轴承有限公司" }""");
        var (nobody, nobodyBody) = await SendAsync(team.Zhou, HttpMethod.Post, "/odata/marketing_activity", """{ "name": "x", "kind": "fair", "startsOn": "2026-12-10", "attendees": [ { "status": "invited" } ] }""");
        Assert.True(nobody == HttpStatusCode.BadRequest, nobodyBody);
        Assert.Contains("attendees[0]", nobodyBody, StringComparison.Ordinal);
        var fair = await ODataRecords.CreateAsync(team.Zhou, "marketing_activity", $$"""
            { "name": "2026 上海国际纺织机械展", "kind": "fair", "startsOn": "2026-12-10", "endsOn": "2026-12-13", "actualCost": 30000,
              "attendees": [ { "contact": "{{contact}}", "status": "attended" }, { "lead": "{{lead}}", "status": "attended" }, { "lead": "{{lead}}", "status": "absent" } ] }
            """);
        var counted = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/marketing_activity({fair})");
        Assert.Equal((3L, 2L, 15000m), (counted.GetProperty("invited").GetInt64(), counted.GetProperty("attended").GetInt64(), counted.GetProperty("costPerAttendee").GetDecimal()));
    }
}
