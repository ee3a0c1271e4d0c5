using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// What open orders promise, as the balance and stock answers show it: a submitted sales order reserves what it has not delivered, a
/// purchase order has on order what has not come in, and projected = on hand + on order − reserved. Deliveries and receipts consume
/// them; closing, reopening and cancelling adjust them at once. Quantities in boxes count in stock units. Numbers by hand.
/// </summary>
public sealed class ReservationScenarioTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<(decimal OnHand, decimal Reserved, decimal Ordered, decimal Projected)> PromisedAsync(TradeBooks books, string item)
    {
        var balance = await books.Client.GetFromJsonAsync<JsonElement>($"/api/inventory/balance?item={item}&warehouse=SH-01");
        return (balance.GetProperty("quantity").GetDecimal(), balance.GetProperty("reserved").GetDecimal(), balance.GetProperty("ordered").GetDecimal(),
            balance.GetProperty("projected").GetDecimal());
    }

    private static async Task SetClosedAsync(TradeBooks books, string entity, string id, bool closed)
    {
        var (status, body) = await SendAsync(books.Client, HttpMethod.Patch, $"/odata/{entity}({id})", $$"""{ "closed": {{(closed ? "true" : "false")}} }""");
        Assert.True(status == HttpStatusCode.OK, body);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Orders_reserve_and_expect_stock_until_delivered_received_closed_or_cancelled(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var (po, poLines) = await books.PurchaseOrderAsync(("A", 100, 5));
        Assert.Equal((0m, 0m, 100m, 100m), await PromisedAsync(books, "A"));
        await TradeBooks.MustAsync(books.SubmitAsync("purchase_receipt", await books.ReceiptAsync((poLines[0], "A", 60, 5))));
        Assert.Equal((60m, 0m, 40m, 100m), await PromisedAsync(books, "A"));

        // Two boxes of 24 reserved; one box delivered.
        var order = await ODataRecords.CreateAsync(books.Client, "customer_order",
            $$"""{ "customer": "杭州机电", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{await books.ItemAsync("A")}}", "quantity": 2, "unit": "箱", "rate": 100 } ] }""");
        await TradeBooks.MustAsync(books.SubmitAsync("customer_order", order));
        Assert.Equal((60m, 48m, 40m, 52m), await PromisedAsync(books, "A"));
        var line = (await books.ReadAsync("customer_order", order)).GetProperty("lines")[0].GetProperty("id").GetString()!;
        var note = await ODataRecords.CreateAsync(books.Client, "delivery_note",
            $$"""{ "customer": "杭州机电", "warehouse": "{{books.Warehouse}}", "lines": [ { "orderLine": "{{line}}", "item": "{{await books.ItemAsync("A")}}", "quantity": 1, "unit": "箱" } ] }""");
        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", note));
        Assert.Equal((36m, 24m, 40m, 52m), await PromisedAsync(books, "A"));

        await SetClosedAsync(books, "customer_order", order, true);
        Assert.Equal((36m, 0m, 40m, 76m), await PromisedAsync(books, "A"));
        await SetClosedAsync(books, "customer_order", order, false);
        Assert.Equal((36m, 24m, 40m, 52m), await PromisedAsync(books, "A"));

        await TradeBooks.MustAsync(books.CancelAsync("delivery_note", note));
        Assert.Equal((60m, 48m, 40m, 52m), await PromisedAsync(books, "A"));
        await TradeBooks.MustAsync(books.CancelAsync("customer_order", order));
        Assert.Equal((60m, 0m, 40m, 100m), await PromisedAsync(books, "A"));
        await SetClosedAsync(books, "purchase_order", po, true);
        Assert.Equal((60m, 0m, 0m, 60m), await PromisedAsync(books, "A"));
        Assert.Equal("closed", (await books.ReadAsync("purchase_order", po)).GetProperty("status").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_item_only_promised_is_listed_with_its_shortfall(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        await books.SalesOrderAsync(("B", 5, 10, null));

        var stock = await books.Client.GetFromJsonAsync<JsonElement>("/api/inventory/stock?warehouse=SH-01");
        var row = Assert.Single(stock.GetProperty("items").EnumerateArray());
        Assert.Equal(("B", 0m, 5m, -5m), (row.GetProperty("itemCode").GetString(), row.GetProperty("quantity").GetDecimal(), row.GetProperty("reserved").GetDecimal(),
            row.GetProperty("projected").GetDecimal()));
    }
}
