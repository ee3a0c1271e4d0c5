using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// 收发存汇总 (the stock movement summary) over a period: per item and warehouse, the stock it opened with, what came in and went out and
/// the stock it closed with — documents before the period open it, documents after it do not count. FIFO numbers by hand.
/// </summary>
public sealed class StockSummaryScenarioTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_period_opens_with_what_came_before_counts_what_came_in_and_went_out_and_closes_before_what_came_after(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var other = await ODataRecords.CreateAsync(books.Client, "warehouse", """{ "code": "HZ-01", "name": "杭州仓" }""");
        var a = await books.ItemAsync("A");
        var today = DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime);
        var (before, first, last, after) = (today.AddDays(-20), today.AddDays(-10), today.AddDays(-5), today.AddDays(-2));

        await SubmitAsync(books, "purchase_receipt", $$"""{ "postingDate": "{{D(before)}}", "supplier": "{{books.Supplier}}", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{a}}", "quantity": 10, "rate": 5 } ] }""");
        // In the period: 6 in at 6; 8 delivered (FIFO: 8 at 5 = 40); 3 moved to 杭州仓 (2 at 5 + 1 at 6 = 16).
        await SubmitAsync(books, "purchase_receipt", $$"""{ "postingDate": "{{D(first)}}", "supplier": "{{books.Supplier}}", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{a}}", "quantity": 6, "rate": 6 } ] }""");
        await SubmitAsync(books, "delivery_note", $$"""{ "postingDate": "{{D(first.AddDays(1))}}", "customer": "杭州机电", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{a}}", "quantity": 8 } ] }""");
        await SubmitAsync(books, "stock_transfer", $$"""{ "postingDate": "{{D(last)}}", "fromWarehouse": "{{books.Warehouse}}", "toWarehouse": "{{other}}", "lines": [ { "item": "{{a}}", "quantity": 3 } ] }""");
        // After it: 4 in at 7, not in the period.
        await SubmitAsync(books, "purchase_receipt", $$"""{ "postingDate": "{{D(after)}}", "supplier": "{{books.Supplier}}", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{a}}", "quantity": 4, "rate": 7 } ] }""");

        var rows = await SummaryAsync(books, $"from={D(first)}&to={D(last)}");
        Assert.Equal(
        [
            ("A", "HZ-01", "0/0 +3/16 -0/0 =3/16"),
            ("A", "SH-01", "10/50 +6/36 -11/56 =5/30"),
        ], rows);

        // The period up to today takes in the last receipt; one warehouse, asked by code, alone.
        Assert.Equal([("A", "SH-01", "10/50 +10/64 -11/56 =9/58")], await SummaryAsync(books, $"from={D(first)}&to={D(today)}&warehouse=SH-01"));
        // Before anything moved: nothing at all.
        Assert.Empty(await SummaryAsync(books, $"from={D(before.AddDays(-30))}&to={D(before.AddDays(-1))}"));

        // A period ending before it starts is refused, saying so.
        var (status, body) = await SendAsync(books.Client, HttpMethod.Get, $"/api/inventory/summary?from={D(last)}&to={D(first)}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("期间的结束日期", body, StringComparison.Ordinal);
    }

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task SubmitAsync(TradeBooks books, string entity, string json) =>
        await TradeBooks.MustAsync(books.SubmitAsync(entity, await ODataRecords.CreateAsync(books.Client, entity, json)));

    /// <summary>Each row as item, warehouse and "opening +in -out =closing", quantity/value.</summary>
    private static async Task<List<(string Item, string Warehouse, string Figures)>> SummaryAsync(TradeBooks books, string query)
    {
        var answer = await books.Client.GetFromJsonAsync<JsonElement>($"/api/inventory/summary?{query}");
        string F(JsonElement row, string name) => row.GetProperty(name).GetDecimal().ToString("0.######", CultureInfo.InvariantCulture);
        return [.. answer.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("itemCode").GetString()!, r.GetProperty("warehouseCode").GetString()!,
            $"{F(r, "openingQuantity")}/{F(r, "openingValue")} +{F(r, "inQuantity")}/{F(r, "inValue")} -{F(r, "outQuantity")}/{F(r, "outValue")} ={F(r, "closingQuantity")}/{F(r, "closingValue")}"))];
    }
}
