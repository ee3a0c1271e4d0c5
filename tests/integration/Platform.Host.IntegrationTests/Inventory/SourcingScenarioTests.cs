using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// Sourcing, as the inventory package declares it: supplier prices (供应商价格) by date and quantity price a purchase order's lines;
/// an RFQ (询价单) asked of two suppliers gives a draft quotation each; the cheaper one, accepted, becomes a purchase order at its
/// rates and the supplier's prices, and the order, submitted, counts against the quotation's lines. Numbers by hand.
/// </summary>
public sealed class SourcingScenarioTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_purchase_order_line_takes_the_suppliers_price_valid_on_its_date_for_its_quantity(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var a = await books.ItemAsync("A");
        await PriceAsync(books, books.Supplier, a, 10m, from: 0);
        await PriceAsync(books, books.Supplier, a, 9m, from: 100);                                // 100 and more: 9
        await PriceAsync(books, books.Supplier, a, 7m, from: 0, validTo: "2020-12-31");           // long expired
        await PriceAsync(books, books.Supplier, a, 220m, from: 0, unit: "箱");                    // a box of 24
        var other = await ODataRecords.CreateAsync(books.Client, "supplier", """{ "code": "SZ-02", "name": "苏州紧固件" }""");
        await PriceAsync(books, other, a, 5m, from: 0);                                           // another supplier's

        var order = await ODataRecords.CreateAsync(books.Client, "purchase_order", $$"""
            { "supplier": "{{books.Supplier}}", "warehouse": "{{books.Warehouse}}", "lines": [
              { "item": "{{a}}", "quantity": 50 }, { "item": "{{a}}", "quantity": 120 }, { "item": "{{a}}", "quantity": 2, "unit": "箱" },
              { "item": "{{a}}", "quantity": 10, "rate": 11.5 } ] }
            """);
        var lines = (await books.ReadAsync("purchase_order", order)).GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("rate").GetDecimal()).ToList();
        Assert.Equal([10m, 9m, 220m, 11.5m], lines); // a rate given is kept
        Assert.Equal(500m + 1080m + 440m + 115m, (await books.ReadAsync("purchase_order", order)).GetProperty("total").GetDecimal());

        // A price that ends before it starts is refused at its end date.
        var (status, body) = await SendAsync(books.Client, HttpMethod.Post, "/odata/supplier_price",
            $$"""{ "supplier": "{{books.Supplier}}", "item": "{{a}}", "rate": 1, "validFrom": "2026-12-01", "validTo": "2026-11-01" }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("失效日期不能早于生效日期", body, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Two_suppliers_quote_for_an_rfq_and_the_cheaper_quotation_accepted_becomes_the_order_and_their_prices(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var (a, b) = (await books.ItemAsync("A"), await books.ItemAsync("B"));
        var other = await ODataRecords.CreateAsync(books.Client, "supplier", """{ "code": "SZ-02", "name": "苏州紧固件" }""");
        var rfq = await ODataRecords.CreateAsync(books.Client, "rfq", $$"""
            { "warehouse": "{{books.Warehouse}}", "suppliers": [ { "supplier": "{{books.Supplier}}" }, { "supplier": "{{other}}" } ],
              "lines": [ { "item": "{{a}}", "quantity": 200 }, { "item": "{{b}}", "quantity": 50 } ] }
            """);
        await TradeBooks.MustAsync(books.SubmitAsync("rfq", rfq));

        // 录入报价: a draft quotation per supplier, with the RFQ's lines.
        var (status, body) = await SendAsync(books.Client, HttpMethod.Post, $"/api/records/rfq/{rfq}/actions/toQuotations", "{}");
        Assert.True(status == HttpStatusCode.OK, body);
        var quotations = (await books.Client.GetFromJsonAsync<JsonElement>($"/odata/supplier_quotation?$filter=rfq eq {rfq}&$expand=lines")).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, quotations.Count);
        Assert.All(quotations, q => Assert.Equal("200,50", string.Join(",", q.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("quantity").GetDecimal().ToString("0", System.Globalization.CultureInfo.InvariantCulture)))));
        // Asked again, nobody is left to ask: said in the asker's language.
        books.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        books.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        (status, body) = await SendAsync(books.Client, HttpMethod.Post, $"/api/records/rfq/{rfq}/actions/toQuotations", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Every supplier has a quotation already.", body, StringComparison.Ordinal);

        // 宁波 quotes 200 × 4.5 + 50 × 12 = 1,500; 苏州 200 × 5 + 50 × 11 = 1,550.
        var ningbo = quotations.Single(q => q.GetProperty("supplier").GetString() == books.Supplier).GetProperty("id").GetString()!;
        var suzhou = quotations.Single(q => q.GetProperty("supplier").GetString() == other).GetProperty("id").GetString()!;
        (status, body) = await books.SubmitAsync("supplier_quotation", ningbo);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Give every line its rate before submitting.", body, StringComparison.Ordinal);
        await QuoteAsync(books, ningbo, 4.5m, 12m);
        await QuoteAsync(books, suzhou, 5m, 11m);
        var compared = (await books.Client.GetFromJsonAsync<JsonElement>($"/odata/supplier_quotation?$filter=rfq eq {rfq}&$orderby=total&$select=supplier,total,status")).GetProperty("value");
        Assert.Equal([(books.Supplier, 1500m, "quoted"), (other, 1550m, "quoted")],
            compared.EnumerateArray().Select(q => (q.GetProperty("supplier").GetString(), q.GetProperty("total").GetDecimal(), q.GetProperty("status").GetString())));

        // 采纳 the cheaper: a draft order at its rates, pointing at its lines, and the supplier's prices from the quotation's date.
        (status, body) = await SendAsync(books.Client, HttpMethod.Post, $"/api/records/supplier_quotation/{ningbo}/actions/accept", "{}");
        Assert.True(status == HttpStatusCode.OK, body);
        var order = JsonDocument.Parse(body).RootElement.GetProperty("open").GetProperty("id").GetString()!;
        var drafted = await books.ReadAsync("purchase_order", order);
        Assert.Equal((books.Supplier, 1500m), (drafted.GetProperty("supplier").GetString(), drafted.GetProperty("total").GetDecimal()));
        var prices = (await books.Client.GetFromJsonAsync<JsonElement>($"/odata/supplier_price?$filter=quotation eq {ningbo}&$orderby=rate")).GetProperty("value");
        Assert.Equal([(a, 4.5m), (b, 12m)], prices.EnumerateArray().Select(p => (p.GetProperty("item").GetString(), p.GetProperty("rate").GetDecimal())));

        // Accepted again before the order is submitted (nothing ordered yet): another draft, but the prices are not kept twice.
        (status, body) = await SendAsync(books.Client, HttpMethod.Post, $"/api/records/supplier_quotation/{ningbo}/actions/accept", "{}");
        Assert.True(status == HttpStatusCode.OK, body);
        var twice = JsonDocument.Parse(body).RootElement.GetProperty("open").GetProperty("id").GetString()!;
        Assert.Equal(2, (await books.Client.GetFromJsonAsync<JsonElement>($"/odata/supplier_price?$filter=quotation eq {ningbo}")).GetProperty("value").GetArrayLength());
        (status, body) = await SendAsync(books.Client, HttpMethod.Delete, $"/odata/purchase_order({twice})");
        Assert.True(status is HttpStatusCode.NoContent or HttpStatusCode.OK, body);

        // The order submitted: the quotation is ordered in full. Ordering more than was quoted is refused.
        await TradeBooks.MustAsync(books.SubmitAsync("purchase_order", order));
        var accepted = await books.ReadAsync("supplier_quotation", ningbo);
        Assert.Equal((1m, "ordered", "200,50"), (accepted.GetProperty("percentOrdered").GetDecimal(), accepted.GetProperty("status").GetString(),
            string.Join(",", accepted.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("orderedQuantity").GetDecimal().ToString("0", System.Globalization.CultureInfo.InvariantCulture)))));
        var quotedLine = accepted.GetProperty("lines")[0].GetProperty("id").GetString();
        var again = await ODataRecords.CreateAsync(books.Client, "purchase_order", $$"""
            { "supplier": "{{books.Supplier}}", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{a}}", "quantity": 1, "rate": 4.5, "quotationLine": "{{quotedLine}}" } ] }
            """);
        (status, body) = await books.SubmitAsync("purchase_order", again);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Ordered quantity would become 201", body, StringComparison.Ordinal);
    }

    private static async Task PriceAsync(TradeBooks books, string supplier, string item, decimal rate, decimal from, string? validTo = null, string? unit = null) =>
        await ODataRecords.CreateAsync(books.Client, "supplier_price", JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["supplier"] = supplier, ["item"] = item, ["rate"] = rate, ["minQuantity"] = from, ["validTo"] = validTo, ["unit"] = unit,
        }));

    /// <summary>The supplier's rates for the quotation's two lines, then submitted.</summary>
    private static async Task QuoteAsync(TradeBooks books, string quotation, decimal first, decimal second)
    {
        var lines = (await books.ReadAsync("supplier_quotation", quotation)).GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        var (status, body) = await SendAsync(books.Client, HttpMethod.Patch, $"/odata/supplier_quotation({quotation})",
            JsonSerializer.Serialize(new { lines = new object[] { new { id = lines[0], rate = first }, new { id = lines[1], rate = second } } }));
        Assert.True(status == HttpStatusCode.OK || status == HttpStatusCode.NoContent, body);
        await TradeBooks.MustAsync(books.SubmitAsync("supplier_quotation", quotation));
    }
}
