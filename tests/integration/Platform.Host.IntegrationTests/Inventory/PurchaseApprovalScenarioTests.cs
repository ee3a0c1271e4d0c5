using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// The inventory package's purchase approval: a purchaser's order over 50,000 cannot be submitted by hand; asked for approval, the
/// inventory manager approves it and the workflow submits it — the order is then on order in the stock figures. One under 50,000
/// needs no approval.
/// </summary>
public sealed class PurchaseApprovalScenarioTests
{
    private const string Password = "Purchase-passw0rd!";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_order_over_fifty_thousand_is_submitted_by_its_approval(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        await Accounts.CreateUserAsync(host, "sun", Password, "Purchaser");
        await Accounts.CreateUserAsync(host, "chen", Password, "Inventory manager");
        var purchaser = await host.CreateClientForAsync("sun", Password);
        purchaser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var manager = await host.CreateClientForAsync("chen", Password);
        var item = await books.ItemAsync("A");
        var supplier = (await books.Client.GetFromJsonAsync<JsonElement>("/odata/supplier")).GetProperty("value")[0].GetProperty("id").GetString();

        // 1,000 at 60 = 60,000.
        var order = await ODataRecords.CreateAsync(purchaser, "purchase_order",
            $$"""{ "supplier": "{{supplier}}", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{item}}", "quantity": 1000, "rate": 60 } ] }""");
        var (status, body) = await books.SubmitAsync("purchase_order", order, purchaser);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("金额超过 50,000 的采购订单需审批后提交", body, StringComparison.Ordinal);

        (status, body) = await SendAsync(purchaser, HttpMethod.Post, "/api/workflows/processes/inventory_purchase_order_approval/instances", $$"""{ "entity": "purchase_order", "recordId": "{{order}}" }""");
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, body);
        Assert.Equal(("draft", "pending"), await StatesAsync(books, order));
        var tasks = await manager.GetFromJsonAsync<JsonElement>("/api/workflows/tasks/mine");
        var task = Assert.Single(tasks.EnumerateArray());
        (status, body) = await SendAsync(manager, HttpMethod.Post, $"/api/workflows/tasks/{task.GetProperty("id").GetString()}/approve", """{ "comment": "同意" }""");
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NoContent, $"{status}: {body}");

        Assert.Equal(("submitted", "approved"), await StatesAsync(books, order));
        var balance = await books.Client.GetFromJsonAsync<JsonElement>("/api/inventory/balance?item=A&warehouse=SH-01");
        Assert.Equal(1000m, balance.GetProperty("ordered").GetDecimal());

        // Under 50,000: submitted by hand, no approval asked.
        var small = await ODataRecords.CreateAsync(purchaser, "purchase_order",
            $$"""{ "supplier": "{{supplier}}", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{item}}", "quantity": 100, "rate": 60 } ] }""");
        await TradeBooks.MustAsync(books.SubmitAsync("purchase_order", small, purchaser));
        Assert.Equal(("submitted", "none"), await StatesAsync(books, small));
    }

    private static async Task<(string DocStatus, string Approval)> StatesAsync(TradeBooks books, string order)
    {
        var read = await books.ReadAsync("purchase_order", order);
        return (read.GetProperty("docStatus").GetString()!, read.GetProperty("approval").GetString()!);
    }
}
