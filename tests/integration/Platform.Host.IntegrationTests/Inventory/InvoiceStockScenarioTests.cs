using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// A sales invoice that updates stock (更新库存), as the inventory package declares it with a posting and a fulfilment that apply only
/// when the box is ticked: it issues the goods and delivers the order's lines as it bills them; without the box it only bills.
/// Numbers by hand.
/// </summary>
public sealed class InvoiceStockScenarioTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_invoice_updating_stock_issues_and_delivers_while_one_without_only_bills(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var (order, lines) = await books.SalesOrderAsync(("A", 10, 20, null));
        var item = await books.ItemAsync("A");

        // Billing 4 only: billed 80 of 200, nothing delivered, nothing issued, 10 still reserved.
        await TradeBooks.MustAsync(books.SubmitAsync("sales_invoice", await InvoiceAsync(books, lines[0], item, 4, updateStock: false)));
        Assert.Equal((0.4m, "toDeliverAndBill", "80"), await books.FiguresAsync("customer_order", order, "percentBilled", "billedAmount"));
        Assert.Equal((0m, 10m), await StockAsync(books));

        // 6 invoiced with 更新库存: billed 200, 6 delivered and issued, 4 still reserved.
        var issuing = await InvoiceAsync(books, lines[0], item, 6, updateStock: true);
        await TradeBooks.MustAsync(books.SubmitAsync("sales_invoice", issuing));
        Assert.Equal((1m, "toDeliver", "200"), await books.FiguresAsync("customer_order", order, "percentBilled", "billedAmount"));
        Assert.Equal((0.6m, "toDeliver", "6"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));
        Assert.Equal((-6m, 4m), await StockAsync(books)); // the warehouse allows negative stock

        // Cancelled: the goods are back and nothing is delivered.
        await TradeBooks.MustAsync(books.CancelAsync("sales_invoice", issuing));
        Assert.Equal((0m, "toDeliverAndBill", "0"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));
        Assert.Equal((0m, 10m), await StockAsync(books));

        // 更新库存 without a warehouse is refused when saved, at the warehouse.
        var (status, body) = await SendAsync(books.Client, HttpMethod.Post, "/odata/sales_invoice",
            $$"""{ "customer": "杭州机电", "updateStock": true, "lines": [ { "orderLine": "{{lines[0]}}", "item": "{{item}}", "quantity": 1, "rate": 20 } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("\"warehouse\"", body, StringComparison.Ordinal);
    }

    private static async Task<string> InvoiceAsync(TradeBooks books, string orderLine, string item, decimal quantity, bool updateStock) =>
        await ODataRecords.CreateAsync(books.Client, "sales_invoice", $$"""
            { "customer": "杭州机电", "updateStock": {{(updateStock ? "true" : "false")}}{{(updateStock ? $", \"warehouse\": \"{books.Warehouse}\"" : "")}},
              "lines": [ { "orderLine": "{{orderLine}}", "item": "{{item}}", "quantity": {{quantity}}, "rate": 20 } ] }
            """);

    /// <summary>Item A on hand in SH-01, and what open orders reserve of it there.</summary>
    private static async Task<(decimal OnHand, decimal Reserved)> StockAsync(TradeBooks books)
    {
        var balance = await books.Client.GetFromJsonAsync<JsonElement>("/api/inventory/balance?item=A&warehouse=SH-01");
        return (balance.GetProperty("quantity").GetDecimal(), balance.GetProperty("reserved").GetDecimal());
    }
}
