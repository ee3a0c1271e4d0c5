using System.Net;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Inventory.StockBooks;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// Valuation through the public API, with numbers worked out by hand: receipts and deliveries are submitted, the balance and the
/// ledger answer quantity, value, rate and the queue as FIFO, LIFO and moving average value them — negative stock refused with
/// the document named and nothing posted, or, where the item allows it, owed and settled by the next receipt.
/// </summary>
public sealed class StockValuationScenarioTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Fifo_delivers_the_oldest_receipts_first(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        await books.ItemAsync("A");
        await books.WarehouseAsync("W1");

        await books.PostAsync("stock_receipt", Receipt(Day(3), "W1", Line("A", 10, "\"rate\": 10")));
        await books.PostAsync("stock_receipt", Receipt(Day(2), "W1", Line("A", 10, "\"rate\": 12")));
        await books.PostAsync("stock_delivery", Receipt(Day(1), "W1", Line("A", 15)));

        // 10 × 10 + 5 × 12 = 160 went out; 5 × 12 = 60 stays.
        var balance = await books.BalanceAsync("A", "W1");
        Assert.Equal((5m, 60m, 12m), (balance.GetProperty("quantity").GetDecimal(), balance.GetProperty("value").GetDecimal(), balance.GetProperty("valuationRate").GetDecimal()));
        Assert.Equal("fifo", balance.GetProperty("method").GetString());
        Assert.Equal([(5m, 12m)], balance.GetProperty("queue").EnumerateArray().Select(l => (l.GetProperty("qty").GetDecimal(), l.GetProperty("rate").GetDecimal())));
        var ledger = await books.LedgerAsync("A", "W1");
        Assert.Equal([(10m, 100m), (20m, 220m), (5m, 60m)], ledger.Select(e => (e.GetProperty("quantityAfter").GetDecimal(), e.GetProperty("valueAfter").GetDecimal())));
        Assert.Equal((-15m, -160m, 10.666666667m), (ledger[2].GetProperty("quantityChange").GetDecimal(), ledger[2].GetProperty("valueChange").GetDecimal(), ledger[2].GetProperty("rate").GetDecimal()));
        Assert.Equal("DN-0001", ledger[2].GetProperty("document").GetString());

        // The balance at the end of a day before the delivery.
        Assert.Equal((20m, 220m), await books.StockAsync("A", "W1", Day(2)));
        Assert.Equal((0m, 0m), await books.StockAsync("A", "W1", Day(4)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Lifo_delivers_the_newest_receipts_first_and_a_moving_average_reaverages_on_every_receipt(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        await books.ItemAsync("L", "lifo");
        await books.ItemAsync("M", "movingAverage");
        await books.WarehouseAsync("W1");

        await books.PostAsync("stock_receipt", Receipt(Day(3), "W1", Line("L", 10, "\"rate\": 10"), Line("M", 10, "\"rate\": 10")));
        await books.PostAsync("stock_receipt", Receipt(Day(2), "W1", Line("L", 10, "\"rate\": 12"), Line("M", 10, "\"rate\": 13")));
        await books.PostAsync("stock_delivery", Receipt(Day(1), "W1", Line("L", 15), Line("M", 4)));

        // LIFO: 10 × 12 + 5 × 10 = 170 out, 5 × 10 = 50 left.
        Assert.Equal((5m, 50m), await books.StockAsync("L", "W1"));
        Assert.Equal(-170m, (await books.LedgerAsync("L", "W1"))[2].GetProperty("valueChange").GetDecimal());

        // Moving average: (100 + 130) / 20 = 11.5; 4 out at 11.5 = 46; 16 left worth 184; then 4 more at 16.5 → 250 / 20 = 12.5.
        Assert.Equal((16m, 184m), await books.StockAsync("M", "W1"));
        await books.PostAsync("stock_receipt", Receipt(Day(0), "W1", Line("M", 4, "\"rate\": 16.5")));
        var average = await books.BalanceAsync("M", "W1");
        Assert.Equal((20m, 250m, 12.5m), (average.GetProperty("quantity").GetDecimal(), average.GetProperty("value").GetDecimal(), average.GetProperty("valuationRate").GetDecimal()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, average.GetProperty("queue").ValueKind);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Negative_stock_is_refused_with_the_document_named_unless_the_item_allows_it_then_the_next_receipt_settles_it(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        await books.ItemAsync("A");
        await books.ItemAsync("N", allowNegative: true);
        await books.WarehouseAsync("W1");
        await books.PostAsync("stock_receipt", Receipt(Day(2), "W1", Line("A", 5, "\"rate\": 10"), Line("N", 5, "\"rate\": 10")));

        var refused = await books.DraftAsync("stock_delivery", Receipt(Day(1), "W1", Line("N", 8), Line("A", 8)));
        var (status, body) = await books.SubmitAsync("stock_delivery", refused);
        Assert.True(status == HttpStatusCode.BadRequest, body);
        Assert.True(body.Contains($"DN-0001（{Day(1)}）：仓库 W1 中物料 A 只有 5，需要 8", StringComparison.Ordinal), body);
        Assert.Equal("draft", await books.StatusAsync("stock_delivery", refused));
        Assert.Equal((5m, 50m), await books.StockAsync("N", "W1")); // the line of N that could go out went nowhere either
        Assert.Single(await books.LedgerAsync("N", "W1"));

        // N may go negative: 3 are owed at the last rate, 10; the next receipt of 10 at 12 settles them and leaves 7 × 12.
        await books.PostAsync("stock_delivery", Receipt(Day(1), "W1", Line("N", 8)));
        Assert.Equal((-3m, -30m), await books.StockAsync("N", "W1"));
        await books.PostAsync("stock_receipt", Receipt(Day(0), "W1", Line("N", 10, "\"rate\": 12")));
        Assert.Equal((7m, 84m), await books.StockAsync("N", "W1"));
        Assert.Equal(114m, (await books.LedgerAsync("N", "W1"))[^1].GetProperty("valueChange").GetDecimal());
    }
}
