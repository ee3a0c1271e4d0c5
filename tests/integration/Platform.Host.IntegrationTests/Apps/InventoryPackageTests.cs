using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Apps;

/// <summary>
/// The inventory app package (<c>apps/packages/inventory</c>), configuration only: the manager keeps items (in boxes too) and
/// warehouses of two branches; the storekeeper receives goods from a supplier, delivers some in boxes, transfers some to the
/// other branch and counts what is left (stock shown by branch) — each a submitted document the stock ledger posts — and may not cancel; the manager may.
/// </summary>
public sealed class InventoryPackageTests
{
    private const string Password = "Stock-passw0rd!";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string InventoryFolder => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "inventory");

    private static async Task<(HttpStatusCode Status, string Body)> StepAsync(HttpClient client, string entity, string id, string step)
    {
        var version = (await client.GetFromJsonAsync<JsonElement>($"/odata/{entity}({id})")).GetProperty("rowVersion").GetInt32();
        return await SendAsync(client, HttpMethod.Post, $"/api/records/{entity}/{id}/{step}", $$"""{ "version": {{version}} }""");
    }

    private static async Task<(decimal Quantity, decimal Value)> StockAsync(HttpClient client, string item, string warehouse)
    {
        var balance = await client.GetFromJsonAsync<JsonElement>($"/api/inventory/balance?item={item}&warehouse={warehouse}");
        return (balance.GetProperty("quantity").GetDecimal(), balance.GetProperty("value").GetDecimal());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_storekeeper_receives_delivers_transfers_and_counts_and_the_manager_cancels(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, [("Platform:Packages:0", InventoryFolder)]);
        await Accounts.CreateUserAsync(host, "chen", Password, "Inventory manager");
        await Accounts.CreateUserAsync(host, "xu", Password, "Storekeeper");
        var manager = await host.CreateClientForAsync("chen", Password);
        var keeper = await host.CreateClientForAsync("xu", Password);
        keeper.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var shanghai = await ODataRecords.CreateAsync(manager, "branch", """{ "code": "SH", "name": "上海分公司" }""");
        var suzhou = await ODataRecords.CreateAsync(manager, "branch", """{ "code": "SZ", "name": "苏州分公司" }""");
        var main = await ODataRecords.CreateAsync(manager, "warehouse", $$"""{ "code": "SH-01", "name": "上海总仓", "branch": "{{shanghai}}" }""");
        var east = await ODataRecords.CreateAsync(manager, "warehouse", $$"""{ "code": "SZ-01", "name": "苏州仓", "branch": "{{suzhou}}" }""");
        var bearing = await ODataRecords.CreateAsync(manager, "item",
            """{ "code": "6204", "name": "深沟球轴承 6204", "stockUnit": "个", "valuation": "fifo", "units": [ { "unit": "箱", "factor": 24 } ] }""");
        var supplier = await ODataRecords.CreateAsync(manager, "supplier", """{ "code": "NB-01", "name": "宁波轴承厂" }""");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(keeper, HttpMethod.Post, "/odata/item", """{ "code": "X", "name": "X", "stockUnit": "个" }""")).Status);

        // 10 boxes at 120 a box, then 100 at 5.5: 240 × 5 + 100 × 5.5 = 1,750.
        var receipt = await ODataRecords.CreateAsync(keeper, "purchase_receipt", $$"""
            { "supplier": "{{supplier}}", "warehouse": "{{main}}", "lines": [
              { "item": "{{bearing}}", "quantity": 10, "unit": "箱", "rate": 120 }, { "item": "{{bearing}}", "quantity": 100, "rate": 5.5 } ] }
            """);
        var read = await keeper.GetFromJsonAsync<JsonElement>($"/odata/purchase_receipt({receipt})");
        Assert.Equal(1750m, read.GetProperty("total").GetDecimal());
        var (submitted, body) = await StepAsync(keeper, "purchase_receipt", receipt, "submit");
        Assert.True(submitted == HttpStatusCode.OK, body);
        Assert.Equal((340m, 1750m), await StockAsync(keeper, "6204", "SH-01"));

        // 5 boxes delivered: 120 out at 5 each (FIFO), 120 at 5 and 100 at 5.5 left; 130 to Suzhou take 120 at 5 and 10 at 5.5.
        var delivery = await ODataRecords.CreateAsync(keeper, "delivery_note", $$"""
            { "customer": "杭州机电", "warehouse": "{{main}}", "lines": [ { "item": "{{bearing}}", "quantity": 5, "unit": "箱" } ] }
            """);
        (submitted, body) = await StepAsync(keeper, "delivery_note", delivery, "submit");
        Assert.True(submitted == HttpStatusCode.OK, body);
        Assert.Equal((220m, 1150m), await StockAsync(keeper, "6204", "SH-01"));
        var transfer = await ODataRecords.CreateAsync(keeper, "stock_transfer", $$"""
            { "fromWarehouse": "{{main}}", "toWarehouse": "{{east}}", "lines": [ { "item": "{{bearing}}", "quantity": 130 } ] }
            """);
        (submitted, body) = await StepAsync(keeper, "stock_transfer", transfer, "submit");
        Assert.True(submitted == HttpStatusCode.OK, body);
        Assert.Equal((90m, 495m), await StockAsync(keeper, "6204", "SH-01")); // 90 × 5.5
        Assert.Equal((130m, 655m), await StockAsync(keeper, "6204", "SZ-01")); // 120 × 5 + 10 × 5.5

        // The count in Shanghai finds 88: 2 written off at 5.5.
        var count = await ODataRecords.CreateAsync(keeper, "stock_count", $$"""{ "warehouse": "{{main}}", "lines": [ { "item": "{{bearing}}", "quantity": 88 } ] }""");
        (submitted, body) = await StepAsync(keeper, "stock_count", count, "submit");
        Assert.True(submitted == HttpStatusCode.OK, body);
        Assert.Equal((88m, 484m), await StockAsync(keeper, "6204", "SH-01"));

        // Delivering more than is there is refused; the storekeeper may not cancel; the manager cancels the delivery.
        var tooMuch = await ODataRecords.CreateAsync(keeper, "delivery_note", $$"""{ "customer": "杭州机电", "warehouse": "{{main}}", "lines": [ { "item": "{{bearing}}", "quantity": 4, "unit": "箱" } ] }""");
        (submitted, body) = await StepAsync(keeper, "delivery_note", tooMuch, "submit");
        Assert.Equal(HttpStatusCode.BadRequest, submitted);
        Assert.Contains("仓库 SH-01 中物料 6204 只有 88，需要 96", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(keeper, "delivery_note", delivery, "cancel")).Status);
        (submitted, body) = await StepAsync(manager, "delivery_note", delivery, "cancel");
        Assert.True(submitted == HttpStatusCode.OK, body);

        // The delivery's 120 at 5 come back first in line: the transfer now took 130 at 5, so Suzhou holds 650; the count still found
        // 88 in Shanghai, writing off 110 at 5 and 12 at 5.5, and 88 at 5.5 stay.
        Assert.Equal((130m, 650m), await StockAsync(keeper, "6204", "SZ-01"));
        Assert.Equal((88m, 484m), await StockAsync(keeper, "6204", "SH-01"));

        // Stock by branch: Suzhou's warehouse alone, named with its branch; Shanghai's by the branch's name.
        var suzhouStock = await keeper.GetFromJsonAsync<JsonElement>("/api/inventory/stock?branch=SZ");
        var row = Assert.Single(suzhouStock.GetProperty("items").EnumerateArray());
        Assert.Equal(("SZ-01", "苏州分公司", 650m), (row.GetProperty("warehouseCode").GetString(), row.GetProperty("branch").GetString(), row.GetProperty("value").GetDecimal()));
        var shanghaiStock = await keeper.GetFromJsonAsync<JsonElement>("/api/inventory/stock?branch=上海分公司");
        Assert.Equal("SH-01", Assert.Single(shanghaiStock.GetProperty("items").EnumerateArray()).GetProperty("warehouseCode").GetString());
        Assert.Empty((await keeper.GetFromJsonAsync<JsonElement>("/api/inventory/stock?branch=BJ")).GetProperty("items").EnumerateArray());
    }
}
