using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;
using static Platform.Host.IntegrationTests.Inventory.StockBooks;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// Units, batches and bad input: a box of 24 posts 24 stock units at a 24th of its price; a unit the item has no factor for, a
/// quantity that rounds to nothing, a negative or absurd quantity, a posting date in the future, a batch missing for an item
/// valued by batch — each refused on submit with the line and the reason in the person's language, and nothing posted. Two
/// submissions of one draft at once post it once; the read API answers only about what the person may see.
/// </summary>
public sealed class StockInputScenarioTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<string> RefusedAsync(StockBooks books, string entity, string json)
    {
        var id = await books.DraftAsync(entity, json);
        var (status, body) = await books.SubmitAsync(entity, id);
        Assert.True(status == HttpStatusCode.BadRequest, body);
        Assert.Equal("draft", await books.StatusAsync(entity, id));
        return body;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Lines_in_boxes_post_stock_units_and_bad_quantities_units_dates_and_batches_are_refused_by_line(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        await books.ItemAsync("A", unit: "个", units: """[ { "unit": "箱", "factor": 24 }, { "unit": "克", "factor": 0.0001 } ]""");
        await books.ItemAsync("B", "specific");
        await books.WarehouseAsync("W1");

        // 2 boxes at 240 a box: 48 units at 10.
        await books.PostAsync("stock_receipt", Receipt(Day(2), "W1", Line("A", 2, "\"unit\": \"箱\", \"rate\": 240")));
        await books.PostAsync("stock_delivery", Receipt(Day(1), "W1", Line("A", 5, "\"unit\": \"个\"")));
        Assert.Equal((43m, 430m), await books.StockAsync("A", "W1"));
        var entry = (await books.LedgerAsync("A", "W1"))[0];
        Assert.Equal((2m, "箱", 48m, 10m), (entry.GetProperty("enteredQuantity").GetDecimal(), entry.GetProperty("unit").GetString(),
            entry.GetProperty("quantityChange").GetDecimal(), entry.GetProperty("rate").GetDecimal()));

        Assert.Contains("第 2 行：物料 A 没有单位“托”的换算系数", await RefusedAsync(books, "stock_delivery", Receipt(Day(0), "W1", Line("A", 1), Line("A", 1, "\"unit\": \"托\""))), StringComparison.Ordinal);
        Assert.Contains("第 1 行：0.001 克 的物料 A 换算后不足最小库存数量", await RefusedAsync(books, "stock_delivery", Receipt(Day(0), "W1", Line("A", 0.001m, "\"unit\": \"克\""))), StringComparison.Ordinal);
        Assert.Contains("第 1 行：物料 A 的数量不能为负数", await RefusedAsync(books, "stock_delivery", Receipt(Day(0), "W1", Line("A", -3))), StringComparison.Ordinal);
        Assert.Contains("不是物料 A 可以记账的数量", await RefusedAsync(books, "stock_receipt", Receipt(Day(0), "W1", Line("A", 5_000_000_000_000m, "\"rate\": 1"))), StringComparison.Ordinal);
        Assert.Contains("第 1 行：物料 A 的单价必须是不小于 0 的数字", await RefusedAsync(books, "stock_receipt", Receipt(Day(0), "W1", Line("A", 1, "\"rate\": -1"))), StringComparison.Ordinal);
        Assert.Contains($"过账日期 {StockBooks.Today.AddDays(2):yyyy-MM-dd} 晚于今天", await RefusedAsync(books, "stock_receipt", Receipt(Day(-2), "W1", Line("A", 1, "\"rate\": 1"))), StringComparison.Ordinal);
        Assert.Contains("第 1 行：物料 B 按批次计价，请填写批次", await RefusedAsync(books, "stock_receipt", Receipt(Day(0), "W1", Line("B", 1, "\"rate\": 1"))), StringComparison.Ordinal);
        Assert.Equal((43m, 430m), await books.StockAsync("A", "W1"));
        Assert.Equal(2, (await books.LedgerAsync("A", "W1")).Count);

        // English for an English reader.
        var english = await books.Host.CreateAdminClientAsync();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var draft = await books.DraftAsync("stock_delivery", Receipt(Day(0), "W1", Line("A", 1, "\"unit\": \"托\"")));
        var (_, body) = await SendAsync(english, HttpMethod.Post, $"/api/records/stock_delivery/{draft}/submit", $$"""{ "version": {{await books.VersionAsync("stock_delivery", draft)}} }""");
        Assert.Contains("Line 1: item A has no factor for the unit “托”", body, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Specific_valuation_takes_the_batch_the_line_names_at_that_batchs_rate(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        await books.ItemAsync("B", "specific");
        await books.WarehouseAsync("W1");
        await books.PostAsync("stock_receipt", Receipt(Day(3), "W1", Line("B", 5, "\"rate\": 10, \"batch\": \"B1\""), Line("B", 5, "\"rate\": 20, \"batch\": \"B2\"")));

        await books.PostAsync("stock_delivery", Receipt(Day(2), "W1", Line("B", 3, "\"batch\": \"B2\"")));
        Assert.Equal((7m, 90m), await books.StockAsync("B", "W1"));
        var queue = (await books.BalanceAsync("B", "W1")).GetProperty("queue").EnumerateArray()
            .Select(l => (l.GetProperty("qty").GetDecimal(), l.GetProperty("rate").GetDecimal(), l.GetProperty("batch").GetString())).ToList();
        Assert.Equal([(5m, 10m, "B1"), (2m, 20m, "B2")], queue);

        var body = await RefusedAsync(books, "stock_delivery", Receipt(Day(1), "W1", Line("B", 3, "\"batch\": \"B2\"")));
        Assert.Contains("只有 2，需要 3，未做任何过账。（批次 B2）", body, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_balance_and_ledger_answer_only_about_items_and_warehouses_the_person_may_read(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        await books.ItemAsync("A");
        await books.WarehouseAsync("W1");
        await books.PostAsync("stock_receipt", Receipt(Day(1), "W1", Line("A", 3, "\"rate\": 2")));
        await Accounts.CreateRoleAsync(host, "ItemsOnly", "Records.stock_item.Read.All");
        await Accounts.CreateRoleAsync(host, "Storekeeper", "Records.stock_item.Read.All", "Records.warehouse.Read.All");
        await Accounts.CreateUserAsync(host, "clerk", "Stock-passw0rd!", "ItemsOnly");
        await Accounts.CreateUserAsync(host, "keeper", "Stock-passw0rd!", "Storekeeper");
        var clerk = await host.CreateClientForAsync("clerk", "Stock-passw0rd!");
        var keeper = await host.CreateClientForAsync("keeper", "Stock-passw0rd!");

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(clerk, HttpMethod.Get, "/api/inventory/balance?item=A&warehouse=W1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(clerk, HttpMethod.Get, "/api/inventory/ledger?item=A&warehouse=W1")).Status);
        Assert.Equal(3m, (await books.BalanceAsync("A", "W1", asker: keeper)).GetProperty("quantity").GetDecimal());

        // Stock on hand lists what both may read: nothing for the clerk, the item in W1 worth 6 for the storekeeper.
        var none = await clerk.GetFromJsonAsync<JsonElement>("/api/inventory/stock");
        Assert.Equal(0, none.GetProperty("items").GetArrayLength());
        var listed = (await keeper.GetFromJsonAsync<JsonElement>("/api/inventory/stock?warehouse=W1")).GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("itemCode").GetString(), r.GetProperty("warehouseCode").GetString(), r.GetProperty("quantity").GetDecimal(), r.GetProperty("value").GetDecimal())).ToList();
        Assert.Equal([("A", "W1", 3m, 6m)], listed);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host.CreateClient(), HttpMethod.Get, "/api/inventory/balance?item=A&warehouse=W1")).Status);

        var (missing, missingBody) = await SendAsync(books.Client, HttpMethod.Get, "/api/inventory/balance?item=A");
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Contains("warehouse", missingBody, StringComparison.Ordinal);
        var (badDay, badDayBody) = await SendAsync(books.Client, HttpMethod.Get, "/api/inventory/balance?item=A&warehouse=W1&at=05/12/2026");
        Assert.Equal(HttpStatusCode.BadRequest, badDay);
        Assert.Contains("yyyy-MM-dd", badDayBody, StringComparison.Ordinal);
        var (unknown, unknownBody) = await SendAsync(books.Client, HttpMethod.Get, "/api/inventory/balance?item=Z&warehouse=W1");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("没有编码为“Z”", unknownBody, StringComparison.Ordinal);

        // The ledger between two days.
        Assert.Single(await books.LedgerAsync("A", "W1", $"&from={Day(1)}&to={Day(0)}"));
        Assert.Empty(await books.LedgerAsync("A", "W1", $"&to={Day(2)}"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Eight_clerks_delivering_the_same_stock_at_once_never_drive_it_negative_nor_lose_an_entry(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        await books.ItemAsync("A");
        await books.WarehouseAsync("W1");
        await books.PostAsync("stock_receipt", Receipt(Day(1), "W1", Line("A", 10, "\"rate\": 3")));
        var drafts = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            drafts.Add(await books.DraftAsync("stock_delivery", Receipt(Day(0), "W1", Line("A", 2))));
        }

        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.CreateAdminClientAsync()));
        var versions = await Task.WhenAll(drafts.Select(id => books.VersionAsync("stock_delivery", id)));
        var results = await Task.WhenAll(drafts.Select((id, i) =>
            SendAsync(clients[i], HttpMethod.Post, $"/api/records/stock_delivery/{id}/submit", $$"""{ "version": {{versions[i]}} }""")));

        // Exactly five fit; every one that went through is in the ledger once, the others are drafts still.
        var through = results.Count(r => r.Status == HttpStatusCode.OK);
        Assert.True(through == 5, string.Join("\n", results.Select(r => $"{r.Status} {r.Body}")));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r => Assert.True(r.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, r.Body));
        Assert.Equal((0m, 0m), await books.StockAsync("A", "W1"));
        var ledger = await books.LedgerAsync("A", "W1");
        Assert.Equal(6, ledger.Count);
        Assert.Equal([10m, 8m, 6m, 4m, 2m, 0m], ledger.Select(e => e.GetProperty("quantityAfter").GetDecimal()));
        var statuses = await Task.WhenAll(drafts.Select(id => books.StatusAsync("stock_delivery", id)));
        Assert.Equal(5, statuses.Count(s => s == "submitted"));

        // Submitting one twice at once posts it once.
        var extra = await books.PostAsync("stock_receipt", Receipt(Day(0), "W1", Line("A", 4, "\"rate\": 3")));
        var again = await books.DraftAsync("stock_delivery", Receipt(Day(0), "W1", Line("A", 1)));
        var version = await books.VersionAsync("stock_delivery", again);
        var twice = await Task.WhenAll(clients.Take(2).Select(c => SendAsync(c, HttpMethod.Post, $"/api/records/stock_delivery/{again}/submit", $$"""{ "version": {{version}} }""")));
        Assert.Equal(1, twice.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal((3m, 9m), await books.StockAsync("A", "W1"));
        Assert.NotNull(extra);
    }
}
