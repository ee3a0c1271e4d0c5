using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// The inventory app package's orders for the fulfilment scenarios: one warehouse, items, a supplier; sales orders (销售订单) and
/// purchase orders (采购订单) submitted, then delivered, received and invoiced against — all through the public API, as the
/// package's administrator in Chinese.
/// </summary>
internal sealed class TradeBooks(PlatformHost host, HttpClient client, string warehouse, string supplier)
{
    public PlatformHost Host { get; } = host;

    public HttpClient Client { get; private set; } = client;

    /// <summary>Signs the administrator in again: after the host's clock is moved on by hours, the old token has expired.</summary>
    public async Task SignInAgainAsync()
    {
        Client = await Host.CreateAdminClientAsync();
        Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
    }

    public string Warehouse { get; } = warehouse;

    private readonly Dictionary<string, string> _items = [];

    public string Supplier { get; } = supplier;

    public static string InventoryFolder => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "inventory");

    public static async Task<TradeBooks> OpenAsync(string provider, params (string Key, string? Value)[] settings)
    {
        var host = await PlatformHost.StartAsync(provider, [("Platform:Packages:0", InventoryFolder), .. settings]);
        var admin = await host.CreateAdminClientAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var warehouse = await ODataRecords.CreateAsync(admin, "warehouse", """{ "code": "SH-01", "name": "上海总仓", "allowNegative": true }""");
        var supplier = await ODataRecords.CreateAsync(admin, "supplier", """{ "code": "NB-01", "name": "宁波轴承厂" }""");
        return new TradeBooks(host, admin, warehouse, supplier);
    }

    /// <summary>An item by code, created the first time (counted in 个, boxes of 24).</summary>
    public async Task<string> ItemAsync(string code) =>
        _items.TryGetValue(code, out var id) ? id
            : _items[code] = await ODataRecords.CreateAsync(Client, "item",
                $$"""{ "code": "{{code}}", "name": "物料 {{code}}", "stockUnit": "个", "valuation": "fifo", "units": [ { "unit": "箱", "factor": 24 } ] }""");

    /// <summary>A submitted sales order of (item, quantity, rate[, allowance as a fraction]) lines; answers its id and its lines' ids in order.</summary>
    public async Task<(string Id, List<string> Lines)> SalesOrderAsync(params (string Item, decimal Quantity, decimal Rate, decimal? Allowance)[] lines)
    {
        var id = await DraftOrderAsync("customer_order", $$"""{ "customer": "杭州机电", "warehouse": "{{Warehouse}}" """, lines);
        await MustAsync(SubmitAsync("customer_order", id));
        return (id, await LineIdsAsync("customer_order", id));
    }

    public async Task<(string Id, List<string> Lines)> PurchaseOrderAsync(params (string Item, decimal Quantity, decimal Rate)[] lines)
    {
        var id = await DraftOrderAsync("purchase_order", $$"""{ "supplier": "{{Supplier}}", "warehouse": "{{Warehouse}}" """, [.. lines.Select(l => (l.Item, l.Quantity, l.Rate, (decimal?)null))]);
        await MustAsync(SubmitAsync("purchase_order", id));
        return (id, await LineIdsAsync("purchase_order", id));
    }

    public async Task<string> DraftOrderAsync(string entity, string header, (string Item, decimal Quantity, decimal Rate, decimal? Allowance)[] lines)
    {
        var json = new List<string>();
        foreach (var (item, quantity, rate, allowance) in lines)
        {
            json.Add($$"""{ "item": "{{await ItemAsync(item)}}", "quantity": {{N(quantity)}}, "rate": {{N(rate)}}{{(allowance is { } a ? $", \"allowance\": {N(a)}" : "")}} }""");
        }

        return await ODataRecords.CreateAsync(Client, entity, header + $$""", "lines": [ {{string.Join(", ", json)}} ] }""");
    }

    /// <summary>A delivery note (a return when the quantities are negative) of (order line, item, quantity) lines, as a draft.</summary>
    public async Task<string> DeliveryAsync(params (string OrderLine, string Item, decimal Quantity)[] lines)
    {
        var json = new List<string>();
        foreach (var (line, item, quantity) in lines)
        {
            json.Add($$"""{ "orderLine": "{{line}}", "item": "{{await ItemAsync(item)}}", "quantity": {{N(quantity)}} }""");
        }

        var isReturn = lines.Any(l => l.Quantity < 0) ? "true" : "false";
        return await ODataRecords.CreateAsync(Client, "delivery_note",
            $$"""{ "customer": "杭州机电", "warehouse": "{{Warehouse}}", "isReturn": {{isReturn}}, "lines": [ {{string.Join(", ", json)}} ] }""");
    }

    public async Task<string> ReceiptAsync(params (string OrderLine, string Item, decimal Quantity, decimal Rate)[] lines)
    {
        var json = new List<string>();
        foreach (var (line, item, quantity, rate) in lines)
        {
            json.Add($$"""{ "orderLine": "{{line}}", "item": "{{await ItemAsync(item)}}", "quantity": {{N(quantity)}}, "rate": {{N(rate)}} }""");
        }

        return await ODataRecords.CreateAsync(Client, "purchase_receipt", $$"""{ "supplier": "{{Supplier}}", "warehouse": "{{Warehouse}}", "lines": [ {{string.Join(", ", json)}} ] }""");
    }

    public async Task<string> InvoiceAsync(params (string OrderLine, string Item, decimal Quantity, decimal Rate)[] lines)
    {
        var json = new List<string>();
        foreach (var (line, item, quantity, rate) in lines)
        {
            json.Add($$"""{ "orderLine": "{{line}}", "item": "{{await ItemAsync(item)}}", "quantity": {{N(quantity)}}, "rate": {{N(rate)}} }""");
        }

        return await ODataRecords.CreateAsync(Client, "sales_invoice", $$"""{ "customer": "杭州机电", "lines": [ {{string.Join(", ", json)}} ] }""");
    }

    /// <summary>A draft payment entry: received against a sales order, or paid against a purchase order.</summary>
    public async Task<string> PaymentAsync(string order, decimal amount, bool received = true)
    {
        var (status, body) = await SendAsync(Client, HttpMethod.Post, "/odata/payment_entry",
            $$"""{ "paymentType": "{{(received ? "receive" : "pay")}}", "{{(received ? "customerOrder" : "purchaseOrder")}}": "{{order}}", "amount": {{N(amount)}} }""");
        Assert.True(status == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public async Task<(HttpStatusCode Status, string Body)> SubmitAsync(string entity, string id, HttpClient? asker = null) =>
        await SendAsync(asker ?? Client, HttpMethod.Post, $"/api/records/{entity}/{id}/submit", $$"""{ "version": {{await VersionAsync(entity, id)}} }""");

    public async Task<(HttpStatusCode Status, string Body)> CancelAsync(string entity, string id) =>
        await SendAsync(Client, HttpMethod.Post, $"/api/records/{entity}/{id}/cancel", $$"""{ "version": {{await VersionAsync(entity, id)}} }""");

    /// <summary>A record as OData answers it, with its lines unless it has none (<paramref name="lines"/> false).</summary>
    public async Task<JsonElement> ReadAsync(string entity, string id, bool lines = true) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/odata/{entity}({id}){(lines ? "?$expand=lines" : "")}"))!;

    public async Task<int> VersionAsync(string entity, string id) => (await ReadAsync(entity, id, lines: false)).GetProperty("rowVersion").GetInt32();

    /// <summary>An order's percentages (as the percent fields keep them: fractions), status, and one figure of each line.</summary>
    public async Task<(decimal Percent, string Status, string Lines)> FiguresAsync(string entity, string id, string percent, string lineField)
    {
        var order = await ReadAsync(entity, id);
        return (order.GetProperty(percent).GetDecimal(), order.GetProperty("status").GetString()!,
            string.Join(",", order.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty(lineField).GetDecimal().ToString("0.######", CultureInfo.InvariantCulture))));
    }

    public async Task<decimal> QuantityAsync(string item) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/api/inventory/balance?item={item}&warehouse=SH-01")).GetProperty("quantity").GetDecimal();

    private async Task<List<string>> LineIdsAsync(string entity, string id) =>
        [.. (await ReadAsync(entity, id)).GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("id").GetString()!)];

    public static async Task MustAsync(Task<(HttpStatusCode Status, string Body)> step)
    {
        var (status, body) = await step;
        Assert.True(status == HttpStatusCode.OK, body);
    }

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
