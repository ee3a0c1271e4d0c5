using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Metadata.Stock;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Entities;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Packages;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// A small trading company's stock books for the ledger's scenarios: items (valued as each says, some in boxes of 24), warehouses,
/// and four submittable documents that move stock — receipts (入库), deliveries (出库), transfers (调拨) and counts (盘点), each dated.
/// </summary>
internal sealed class StockBooks(PlatformHost host, HttpClient client)
{
    public PlatformHost Host { get; } = host;

    public HttpClient Client { get; } = client;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Day(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<StockBooks> OpenAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>()
            .ApplyAsync(Entities().Select(e => new AppPackageFile($"entities/{e.Name}.json", MetadataJson.Write(e))).ToList(), "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var admin = await host.CreateAdminClientAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return new StockBooks(host, admin);
    }

    public static IReadOnlyList<EntityDefinition> Entities() =>
    [
        new()
        {
            Name = "stock_item", Label = LocalizedText.Of("物料", "Item"), TitleField = "code",
            Fields =
            [
                EntitySamples.Field("code", "text", "编码", "Code", f => { f.Required = true; f.Unique = true; }),
                EntitySamples.Field("valuation", "choice", "计价方法", "Valuation", f => f.Choices =
                [
                    new ChoiceOption { Value = "fifo", Label = LocalizedText.Of("先进先出", "FIFO") },
                    new ChoiceOption { Value = "movingAverage", Label = LocalizedText.Of("移动加权平均", "Moving average") },
                    new ChoiceOption { Value = "lifo", Label = LocalizedText.Of("后进先出", "LIFO") },
                    new ChoiceOption { Value = "specific", Label = LocalizedText.Of("个别计价", "Specific") },
                ]),
                EntitySamples.Field("allowNegative", "boolean", "允许负库存", "Allow negative stock"),
                EntitySamples.Field("stockUnit", "text", "库存单位", "Stock unit"),
                EntitySamples.Field("units", "lines", "其他单位", "Other units", f => f.Target = "stock_item_unit"),
            ],
            Stock = new StockDefinition { Item = new StockItemSettings { Code = "code", Valuation = "valuation", AllowNegative = "allowNegative", StockUnit = "stockUnit", Units = "units" } },
        },
        new()
        {
            Name = "stock_item_unit", Label = LocalizedText.Of("物料单位", "Item unit"),
            Fields = [EntitySamples.Field("unit", "text", "单位", "Unit", f => f.Required = true), EntitySamples.Field("factor", "decimal", "换算系数", "Factor", f => f.Required = true)],
        },
        new()
        {
            Name = "warehouse", Label = LocalizedText.Of("仓库", "Warehouse"), TitleField = "code",
            Fields =
            [
                EntitySamples.Field("code", "text", "编码", "Code", f => { f.Required = true; f.Unique = true; }),
                EntitySamples.Field("allowNegative", "boolean", "允许负库存", "Allow negative stock"),
                EntitySamples.Field("branch", "text", "分公司", "Branch"),
            ],
            Stock = new StockDefinition { Warehouse = new StockWarehouseSettings { Code = "code", AllowNegative = "allowNegative", Branch = "branch" } },
        },
        Document("stock_receipt", "入库单", "Receipt", "REC-{####}", StockPosting.Receipt, [Lookup("warehouse", "仓库", "Warehouse")]),
        Document("stock_delivery", "出库单", "Delivery", "DN-{####}", StockPosting.Issue, [Lookup("warehouse", "仓库", "Warehouse")]),
        Document("stock_transfer", "调拨单", "Transfer", "TR-{####}", StockPosting.Transfer, [Lookup("fromWarehouse", "调出仓库", "From"), Lookup("toWarehouse", "调入仓库", "To")]),
        Document("stock_count", "盘点单", "Count", "SC-{####}", StockPosting.Count, [Lookup("warehouse", "仓库", "Warehouse")]),
        .. Lines(),
    ];

    private static FieldDefinition Lookup(string name, string zh, string en) =>
        EntitySamples.Field(name, "lookup", zh, en, f => { f.Target = "warehouse"; f.Required = true; });

    private static EntityDefinition Document(string name, string zh, string en, string format, string kind, List<FieldDefinition> header)
    {
        var lineExtras = Extras(name);
        var posting = new StockPosting
        {
            Kind = kind, Lines = "lines", Item = "item", Quantity = "quantity", Unit = "unit",
            Warehouse = kind == StockPosting.Transfer ? null : "record.warehouse",
            From = kind == StockPosting.Transfer ? "record.fromWarehouse" : null, To = kind == StockPosting.Transfer ? "record.toWarehouse" : null,
            Rate = lineExtras.Any(f => f.Name == "rate") ? "rate" : lineExtras.Any(f => f.Name == "price") ? "price" : null,
            Batch = lineExtras.Any(f => f.Name == "batch") ? "batch" : null,
        };
        return new EntityDefinition
        {
            Name = name, Label = LocalizedText.Of(zh, en), Submittable = true, TitleField = "number",
            Fields =
            [
                EntitySamples.Field("number", "autoNumber", "单号", "Number", f => f.Format = format),
                EntitySamples.Field("postingDate", "date", "过账日期", "Posting date", f => f.Required = true),
                .. header,
                EntitySamples.Field("lines", "lines", "明细", "Lines", f => f.Target = name + "_line"),
            ],
            Stock = new StockDefinition { Postings = [posting], PostedAt = "postingDate" },
        };
    }

    private static IEnumerable<EntityDefinition> Lines() =>
        new[] { "stock_receipt", "stock_delivery", "stock_transfer", "stock_count" }.Select(document => new EntityDefinition
        {
            Name = document + "_line", Label = LocalizedText.Of("明细", "Line"),
            Fields =
            [
                EntitySamples.Field("item", "lookup", "物料", "Item", f => f.Target = "stock_item"),
                EntitySamples.Field("quantity", "decimal", "数量", "Quantity"),
                EntitySamples.Field("unit", "text", "单位", "Unit"),
                .. Extras(document),
            ],
        });

    private static List<FieldDefinition> Extras(string document) => document switch
    {
        "stock_receipt" => [EntitySamples.Field("rate", "decimal", "单价", "Rate"), EntitySamples.Field("batch", "text", "批次", "Batch")],
        "stock_delivery" => [EntitySamples.Field("batch", "text", "批次", "Batch")],
        "stock_transfer" => [EntitySamples.Field("price", "decimal", "调拨价", "Transfer price")],
        _ => [EntitySamples.Field("rate", "decimal", "单价", "Rate")],
    };

    private readonly Dictionary<string, string> _ids = [];

    /// <summary>An item (or warehouse) by code, created the first time.</summary>
    public async Task<string> ItemAsync(string code, string valuation = "fifo", bool allowNegative = false, string unit = "个", string units = "[]") =>
        _ids.TryGetValue("item:" + code, out var id) ? id
            : _ids["item:" + code] = await ODataRecords.CreateAsync(Client, "stock_item",
                $$"""{ "code": "{{code}}", "valuation": "{{valuation}}", "allowNegative": {{(allowNegative ? "true" : "false")}}, "stockUnit": "{{unit}}", "units": {{units}} }""");

    public async Task<string> WarehouseAsync(string code, bool allowNegative = false) =>
        _ids.TryGetValue("wh:" + code, out var id) ? id
            : _ids["wh:" + code] = await ODataRecords.CreateAsync(Client, "warehouse", $$"""{ "code": "{{code}}", "allowNegative": {{(allowNegative ? "true" : "false")}} }""");

    /// <summary>A document as a draft: its header and lines as JSON, with <c>@CODE</c> standing for the item or warehouse of that code.</summary>
    public async Task<string> DraftAsync(string entity, string json)
    {
        foreach (var (key, id) in _ids)
        {
            json = json.Replace("\"@" + key.Split(':')[1] + "\"", "\"" + id + "\"", StringComparison.Ordinal);
        }

        return await ODataRecords.CreateAsync(Client, entity, json);
    }

    public async Task<(HttpStatusCode Status, string Body)> SubmitAsync(string entity, string id) =>
        await SendAsync(Client, HttpMethod.Post, $"/api/records/{entity}/{id}/submit", $$"""{ "version": {{await VersionAsync(entity, id)}} }""");

    public async Task<(HttpStatusCode Status, string Body)> CancelAsync(string entity, string id) =>
        await SendAsync(Client, HttpMethod.Post, $"/api/records/{entity}/{id}/cancel", $$"""{ "version": {{await VersionAsync(entity, id)}} }""");

    /// <summary>A document drafted and submitted, which must go through.</summary>
    public async Task<string> PostAsync(string entity, string json)
    {
        var id = await DraftAsync(entity, json);
        var (status, body) = await SubmitAsync(entity, id);
        Assert.True(status == HttpStatusCode.OK, body);
        return id;
    }

    public async Task<int> VersionAsync(string entity, string id) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/odata/{entity}({id})")).GetProperty("rowVersion").GetInt32();

    public async Task<string> StatusAsync(string entity, string id) =>
        (await Client.GetFromJsonAsync<JsonElement>($"/odata/{entity}({id})")).GetProperty("docStatus").GetString()!;

    public async Task<JsonElement> BalanceAsync(string item, string warehouse, string? at = null, HttpClient? asker = null)
    {
        var (status, body) = await SendAsync(asker ?? Client, HttpMethod.Get, $"/api/inventory/balance?item={item}&warehouse={warehouse}{(at is null ? "" : "&at=" + at)}");
        Assert.True(status == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Quantity and value as the balance answers them.</summary>
    public async Task<(decimal Quantity, decimal Value)> StockAsync(string item, string warehouse, string? at = null)
    {
        var balance = await BalanceAsync(item, warehouse, at);
        return (balance.GetProperty("quantity").GetDecimal(), balance.GetProperty("value").GetDecimal());
    }

    public async Task<List<JsonElement>> LedgerAsync(string item, string warehouse, string query = "")
    {
        var (status, body) = await SendAsync(Client, HttpMethod.Get, $"/api/inventory/ledger?item={item}&warehouse={warehouse}{query}");
        Assert.True(status == HttpStatusCode.OK, body);
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("entries").EnumerateArray().Select(e => e.Clone())];
    }

    public static string Line(string item, decimal quantity, string? extra = null) =>
        $$"""{ "item": "@{{item}}", "quantity": {{quantity.ToString(CultureInfo.InvariantCulture)}}{{(extra is null ? "" : ", " + extra)}} }""";

    public static string Receipt(string day, string warehouse, params string[] lines) =>
        $$"""{ "postingDate": "{{day}}", "warehouse": "@{{warehouse}}", "lines": [ {{string.Join(", ", lines)}} ] }""";

    public static string Transfer(string day, string from, string to, params string[] lines) =>
        $$"""{ "postingDate": "{{day}}", "fromWarehouse": "@{{from}}", "toWarehouse": "@{{to}}", "lines": [ {{string.Join(", ", lines)}} ] }""";
}
