using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Inventory.StockBooks;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// Back-dated documents and cancellations revalue every later entry of the item in the warehouse in the same transaction — and are
/// refused, with the later document named and nothing changed, when that would leave a later delivery short. Counts set the
/// quantity at their date, whatever is posted before them later.
/// </summary>
public sealed class StockRepostScenarioTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_back_dated_receipt_revalues_the_later_delivery_and_a_back_dated_delivery_that_would_leave_it_short_is_refused(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        await books.ItemAsync("M", "movingAverage");
        await books.WarehouseAsync("W1");
        await books.PostAsync("stock_receipt", Receipt(Day(5), "W1", Line("M", 10, "\"rate\": 10")));
        await books.PostAsync("stock_delivery", Receipt(Day(1), "W1", Line("M", 8)));
        Assert.Equal((2m, 20m), await books.StockAsync("M", "W1"));

        // 10 more at 16 three days back: (100 + 160) / 20 = 13, so the delivery now took 8 × 13 = 104; 12 × 13 = 156 left.
        await books.PostAsync("stock_receipt", Receipt(Day(3), "W1", Line("M", 10, "\"rate\": 16")));
        Assert.Equal((12m, 156m), await books.StockAsync("M", "W1"));
        var ledger = await books.LedgerAsync("M", "W1");
        Assert.Equal(["REC-0001", "REC-0002", "DN-0001"], ledger.Select(e => e.GetProperty("document").GetString()));
        Assert.Equal((-104m, 13m, 12m), (ledger[2].GetProperty("valueChange").GetDecimal(), ledger[2].GetProperty("rate").GetDecimal(), ledger[2].GetProperty("quantityAfter").GetDecimal()));

        // 15 out two days back would leave DN-0001 with 5 of the 8 it took: refused, naming it.
        var early = await books.DraftAsync("stock_delivery", Receipt(Day(2), "W1", Line("M", 15)));
        var (status, body) = await books.SubmitAsync("stock_delivery", early);
        Assert.True(status == HttpStatusCode.BadRequest, body);
        Assert.True(body.Contains($"DN-0001（{Day(1)}）：仓库 W1 中物料 M 只有 5，需要 8", StringComparison.Ordinal), body);
        Assert.Equal("draft", await books.StatusAsync("stock_delivery", early));
        Assert.Equal(3, (await books.LedgerAsync("M", "W1")).Count);
        Assert.Equal((12m, 156m), await books.StockAsync("M", "W1"));

        // 2 out four days back fits: 10 − 2 = 8 at 10, then (80 + 160) / 18 = 13.333333, and the delivery of 8 takes 106.6667.
        await books.PostAsync("stock_delivery", Receipt(Day(4), "W1", Line("M", 2)));
        var after = await books.LedgerAsync("M", "W1");
        Assert.Equal(-106.6667m, after[^1].GetProperty("valueChange").GetDecimal());
        Assert.Equal((10m, 133.3333m), await books.StockAsync("M", "W1"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Cancelling_a_receipt_a_later_delivery_depends_on_is_refused_until_the_delivery_is_cancelled_and_entries_are_kept(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        await books.ItemAsync("A");
        await books.WarehouseAsync("W1");
        var receipt = await books.PostAsync("stock_receipt", Receipt(Day(2), "W1", Line("A", 10, "\"rate\": 10")));
        var delivery = await books.PostAsync("stock_delivery", Receipt(Day(1), "W1", Line("A", 8)));

        var (refused, body) = await books.CancelAsync("stock_receipt", receipt);
        Assert.True(refused == HttpStatusCode.BadRequest, body);
        Assert.True(body.Contains($"DN-0001（{Day(1)}）：仓库 W1 中物料 A 只有 0，需要 8", StringComparison.Ordinal), body);
        Assert.Equal("submitted", await books.StatusAsync("stock_receipt", receipt));
        Assert.Equal((2m, 20m), await books.StockAsync("A", "W1"));

        var (cancelled, cancelledBody) = await books.CancelAsync("stock_delivery", delivery);
        Assert.True(cancelled == HttpStatusCode.OK, cancelledBody);
        Assert.Equal((10m, 100m), await books.StockAsync("A", "W1"));
        (cancelled, cancelledBody) = await books.CancelAsync("stock_receipt", receipt);
        Assert.True(cancelled == HttpStatusCode.OK, cancelledBody);
        Assert.Equal((0m, 0m), await books.StockAsync("A", "W1"));
        Assert.Empty(await books.LedgerAsync("A", "W1"));

        // Cancelling twice is refused; the entries are kept, marked cancelled (an amended receipt posts afresh).
        Assert.Equal(HttpStatusCode.Conflict, (await books.CancelAsync("stock_receipt", receipt)).Status);
        var kept = await books.Host.InScopeAsync(s => Task.FromResult(s.GetRequiredService<Platform.Data.PlatformDbContext>()
            .Set<Platform.Stock.Storage.StockLedgerEntry>().Count(e => e.IsCancelled)));
        Assert.Equal(2, kept);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_count_sets_the_quantity_at_its_date_and_keeps_it_when_a_receipt_is_back_dated_before_it(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        await books.ItemAsync("A");
        await books.WarehouseAsync("W1");
        await books.PostAsync("stock_receipt", Receipt(Day(5), "W1", Line("A", 10, "\"rate\": 10")));
        await books.PostAsync("stock_count", Receipt(Day(3), "W1", Line("A", 7)));
        await books.PostAsync("stock_delivery", Receipt(Day(1), "W1", Line("A", 2)));
        Assert.Equal((5m, 50m), await books.StockAsync("A", "W1"));
        var count = (await books.LedgerAsync("A", "W1"))[1];
        Assert.Equal((-3m, -30m), (count.GetProperty("quantityChange").GetDecimal(), count.GetProperty("valueChange").GetDecimal()));

        // 4 more found to have come in four days back: the count still found 7, so the 4 are written off by it, and 5 stay.
        await books.PostAsync("stock_receipt", Receipt(Day(4), "W1", Line("A", 4, "\"rate\": 10")));
        Assert.Equal((5m, 50m), await books.StockAsync("A", "W1"));
        Assert.Equal(-7m, (await books.LedgerAsync("A", "W1"))[2].GetProperty("quantityChange").GetDecimal());

        // A count with a rate revalues what it finds: 5 at 11.
        await books.PostAsync("stock_count", Receipt(Day(0), "W1", Line("A", 5, "\"rate\": 11")));
        Assert.Equal((5m, 55m), await books.StockAsync("A", "W1"));
        Assert.Equal((7m, 70m), await books.StockAsync("A", "W1", Day(3)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_transfer_moves_stock_at_the_rate_it_leaves_at_and_follows_a_back_dated_receipt_into_the_other_warehouse(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        await books.ItemAsync("A");
        await books.WarehouseAsync("W1");
        await books.WarehouseAsync("W2");
        await books.PostAsync("stock_receipt", Receipt(Day(4), "W1", Line("A", 10, "\"rate\": 10"), Line("A", 10, "\"rate\": 12")));
        await books.PostAsync("stock_transfer", Transfer(Day(2), "W1", "W2", Line("A", 15)));

        // 10 × 10 + 5 × 12 = 160 leaves W1 and arrives in W2 at 10.666667.
        Assert.Equal((5m, 60m), await books.StockAsync("A", "W1"));
        Assert.Equal((15m, 160m), await books.StockAsync("A", "W2"));
        Assert.Equal(10.666666667m, (await books.BalanceAsync("A", "W2")).GetProperty("valuationRate").GetDecimal());

        // 10 at 4 received into W1 five days back go out first: 10 × 4 + 5 × 10 = 90 arrives in W2 instead.
        await books.PostAsync("stock_receipt", Receipt(Day(5), "W1", Line("A", 10, "\"rate\": 4")));
        Assert.Equal((15m, 170m), await books.StockAsync("A", "W1"));
        Assert.Equal((15m, 90m), await books.StockAsync("A", "W2"));

        // A transfer price (分公司调拨价) values what arrives at it instead; a transfer into the same warehouse is refused.
        await books.PostAsync("stock_transfer", Transfer(Day(1), "W1", "W2", Line("A", 5, "\"price\": 20")));
        Assert.Equal((20m, 190m), await books.StockAsync("A", "W2"));
        var same = await books.DraftAsync("stock_transfer", Transfer(Day(1), "W1", "W1", Line("A", 1)));
        var (status, body) = await books.SubmitAsync("stock_transfer", same);
        Assert.True(status == HttpStatusCode.BadRequest, body);
        Assert.True(body.Contains("第 1 行：物料 A 调入的仓库与调出的仓库相同。", StringComparison.Ordinal), body);
    }
}
