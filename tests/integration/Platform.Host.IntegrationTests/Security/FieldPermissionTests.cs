using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Data.Packages;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Packages;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Security;

/// <summary>
/// Field-level permissions, door by door (the leak matrix): a salesperson whose role does not show a product's cost, and lets them
/// only read its list price, meets the cost nowhere — lists, keys, $filter/$orderby/$select, $expand, lines, exports, imports,
/// the audit trail, files, rules' lookups, actions, previews, the record beside a workflow task — and changes neither; a buyer
/// granted both sees and changes them; the administrator sees everything.
/// </summary>
public sealed class FieldPermissionTests
{
    private const string Password = "Field-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly string Product = """
        {
          "name": "product", "label": { "zh-CN": "产品", "en": "Product" }, "titleField": "name",
          "fields": [
            { "name": "name", "type": "text", "label": { "zh-CN": "名称", "en": "Name" }, "required": true },
            { "name": "notes", "type": "text", "label": { "zh-CN": "说明", "en": "Notes" } },
            { "name": "listPrice", "type": "money", "label": { "zh-CN": "标价", "en": "List price" }, "secured": true },
            { "name": "cost", "type": "money", "label": { "zh-CN": "成本", "en": "Cost" }, "secured": true },
            { "name": "datasheet", "type": "attachment", "label": { "zh-CN": "成本核算表", "en": "Costing sheet" }, "secured": true }
          ]
        }
        """;

    private static readonly string Quote = """
        {
          "name": "quote", "label": { "zh-CN": "报价", "en": "Quote" }, "titleField": "title",
          "fields": [
            { "name": "title", "type": "text", "label": { "zh-CN": "标题", "en": "Title" }, "required": true },
            { "name": "product", "type": "lookup", "target": "product", "label": { "zh-CN": "产品", "en": "Product" } },
            { "name": "costNote", "type": "text", "label": { "zh-CN": "成本说明", "en": "Cost note" },
              "default": "record.product ? (lookup('product', record.product).cost == null ? 'no cost' : 'cost ' + lookup('product', record.product).cost) : null" },
            { "name": "lines", "type": "lines", "target": "quote_line", "label": { "zh-CN": "明细", "en": "Lines" } }
          ],
          "actions": [
            { "name": "peek", "label": { "zh-CN": "查看成本", "en": "Peek" },
              "script": "create('quote', { title: 'peek ' + (lookup('product', record.product).cost === undefined ? 'hidden' : 'seen') });" },
            { "name": "probe", "label": { "zh-CN": "按成本查找", "en": "Probe" },
              "script": "create('quote', { title: 'probe ' + find('product', 'cost lt 100', 10).length });" }
          ]
        }
        """;

    private static readonly string QuoteLine = """
        {
          "name": "quote_line", "label": { "zh-CN": "报价明细", "en": "Quote line" },
          "fields": [
            { "name": "quantity", "type": "integer", "label": { "zh-CN": "数量", "en": "Quantity" } },
            { "name": "unitCost", "type": "money", "label": { "zh-CN": "单位成本", "en": "Unit cost" }, "secured": true }
          ]
        }
        """;

    private static readonly string[] SellerRights =
    [
        "Records.product.Create", "Records.product.Read.All", "Records.product.Update.All", "Records.product.Field.listPrice.Read",
        "Records.quote.Create", "Records.quote.Read.Own", "Records.quote.Update.Own", "Records.quote.Action.peek", "Records.quote.Action.probe",
    ];

    private sealed record Shop(PlatformHost Host, HttpClient Admin, HttpClient Seller, HttpClient Buyer, string ProductId, Guid Datasheet, string QuoteId);

    /// <summary>
    /// The seller reads and changes products and works their own quotes, may read the list price, nothing of the cost; the buyer may
    /// change both and read the costing sheet. One product (cost 80.37, list price 120, a costing sheet) and one quote of the seller's.
    /// </summary>
    private static async Task<Shop> StartAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(
            [new AppPackageFile("entities/product.json", Product), new AppPackageFile("entities/quote_line.json", QuoteLine), new AppPackageFile("entities/quote.json", Quote)], "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        await Accounts.CreateRoleAsync(host, "Seller", SellerRights);
        await Accounts.CreateRoleAsync(host, "Buyer", "Records.product.Read.All", "Records.product.Update.All", "Records.product.Field.listPrice.Update",
            "Records.product.Field.cost.Update", "Records.product.Field.datasheet.Read", "Records.quote.Read.All", "Records.quote_line.Field.unitCost.Read");
        await Accounts.CreateUserInAsync(host, "li", Password, null, "Seller");
        await Accounts.CreateUserInAsync(host, "wu", Password, null, "Buyer");
        var admin = await host.CreateAdminClientAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var sheet = await ImportClients.UploadAsync(admin, "cost 80 = 50 material + 30 labour"u8.ToArray(), "costing.txt");
        var product = await ODataRecords.CreateAsync(admin, "product",
            $$"""{ "name": "Teapot", "listPrice": 120, "cost": 80.37, "datasheet": [ { "id": "{{sheet}}" } ] }""");
        var seller = await ClientAsync(host, "li");
        var quote = await ODataRecords.CreateAsync(seller, "quote", $$"""{ "title": "Q-1", "product": "{{product}}", "lines": [ { "quantity": 2 } ] }""");
        return new Shop(host, admin, seller, await ClientAsync(host, "wu"), product, sheet, quote);
    }

    private static async Task<HttpClient> ClientAsync(PlatformHost host, string name)
    {
        var client = await host.CreateClientForAsync(name, Password);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }


    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var (status, body) = await SendAsync(client, HttpMethod.Get, url);
        Assert.True(status == HttpStatusCode.OK, $"{url}: {status} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static bool Has(JsonElement record, string field) => record.TryGetProperty(field, out _);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_hidden_field_is_left_out_of_every_read_and_refused_in_every_query_option(string provider)
    {
        var shop = await StartAsync(provider);
        await using var _ = shop.Host;
        var seller = shop.Seller;

        // List and key: no cost, no costing sheet; the list price, which the role may read.
        var listed = (await GetAsync(seller, "/odata/product")).GetProperty("value")[0];
        Assert.False(Has(listed, "cost"));
        Assert.False(Has(listed, "datasheet"));
        Assert.Equal(120m, listed.GetProperty("listPrice").GetDecimal());
        Assert.False(Has(await GetAsync(seller, $"/odata/product({shop.ProductId})"), "cost"));

        // Asking through a query option is refused by name, whatever the condition (a filter would tell the value).
        foreach (var (option, url) in new[]
                 {
                     ("$filter", "/odata/product?$filter=cost gt 10"), ("$filter", "/odata/product?$filter=cost eq null"),
                     ("$orderby", "/odata/product?$orderby=cost desc"), ("$select", "/odata/product?$select=name,cost"),
                     ("$expand", "/odata/quote?$expand=productRecord($select=cost)"),
                 })
        {
            var (status, body) = await SendAsync(seller, HttpMethod.Get, url);
            Assert.True(status == HttpStatusCode.BadRequest, $"{url}: {status} {body}");
            Assert.True(body.Contains("'cost'", StringComparison.Ordinal) && body.Contains(option, StringComparison.Ordinal), $"{url}: {body}");
        }

        // $expand of the lookup and of the lines: the related records without their hidden fields.
        var quote = (await GetAsync(seller, "/odata/quote?$expand=productRecord,lines")).GetProperty("value")[0];
        Assert.Equal("Teapot", quote.GetProperty("productRecord").GetProperty("name").GetString());
        Assert.False(Has(quote.GetProperty("productRecord"), "cost"));
        Assert.False(Has(quote.GetProperty("lines")[0], "unitCost"));
        Assert.Equal(2, quote.GetProperty("lines")[0].GetProperty("quantity").GetInt32());

        // Export: no cost column, and naming it is refused.
        var csv = await seller.GetStringAsync("/api/export/product?format=csv");
        Assert.DoesNotContain("Cost", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("80.37", csv, StringComparison.Ordinal);
        Assert.Contains("List price", csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(seller, HttpMethod.Get, "/api/export/product?format=csv&$select=name,cost")).Status);

        // The costing sheet is not theirs to download; the buyer, who may read it, downloads it.
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(seller, HttpMethod.Get, $"/api/files/{shop.Datasheet}")).Status);
        Assert.Equal("cost 80 = 50 material + 30 labour", await shop.Buyer.GetStringAsync($"/api/files/{shop.Datasheet}"));

        // The form's preview: the record without the cost, the field hidden, the list price shown locked.
        var (previewed, preview) = await SendAsync(seller, HttpMethod.Post, $"/api/records/product/preview?id={shop.ProductId}", """{ "notes": "x" }""");
        Assert.Equal(HttpStatusCode.OK, previewed);
        var form = JsonDocument.Parse(preview).RootElement;
        Assert.False(Has(form.GetProperty("record"), "cost"));
        Assert.False(form.GetProperty("fields").GetProperty("cost").GetProperty("visible").GetBoolean());
        Assert.True(form.GetProperty("fields").GetProperty("listPrice").GetProperty("readOnly").GetBoolean());

        // Those granted the field see it; so does the administrator.
        Assert.Equal(80.37m, (await GetAsync(shop.Buyer, $"/odata/product({shop.ProductId})")).GetProperty("cost").GetDecimal());
        Assert.Equal(1, (await GetAsync(shop.Buyer, "/odata/product?$filter=cost gt 10")).GetProperty("value").GetArrayLength());
        Assert.Equal(80.37m, (await GetAsync(shop.Admin, $"/odata/product({shop.ProductId})")).GetProperty("cost").GetDecimal());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_hidden_field_cannot_be_set_even_to_its_value_and_a_read_only_one_only_kept_as_it_is(string provider)
    {
        var shop = await StartAsync(provider);
        await using var _ = shop.Host;
        var seller = shop.Seller;
        var url = $"/odata/product({shop.ProductId})";

        foreach (var (json, field, says) in new[]
                 {
                     ("""{ "cost": 1 }""", "cost", "do not let you see or change"),
                     ("""{ "cost": 80.37 }""", "cost", "do not let you see or change"), // the true value: refused all the same, or the answer would confirm a guess
                     ("""{ "listPrice": 99 }""", "listPrice", "not change it"),
                     ("""{ "lines": [ { "quantity": 1, "unitCost": 5 } ] }""", "lines", ""),
                 })
        {
            var target = field == "lines" ? $"/odata/quote({shop.QuoteId})" : url;
            var (status, body) = await SendAsync(seller, HttpMethod.Patch, target, json);
            Assert.True(status == HttpStatusCode.BadRequest, $"{json}: {status} {body}");
            Assert.Contains(field == "lines" ? "unitCost" : field, body, StringComparison.Ordinal);
            Assert.Contains(says, body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(seller, HttpMethod.Post, "/odata/product", """{ "name": "Cup", "cost": 3 }""")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(seller, HttpMethod.Post, "/odata/product", """{ "name": "Cup", "listPrice": 3 }""")).Status);

        // Sent unchanged beside a change of their own, the list price passes; the answer still leaves the cost out.
        var (kept, saved) = await SendAsync(seller, HttpMethod.Patch, url, """{ "listPrice": 120, "notes": "glazed" }""");
        Assert.True(kept == HttpStatusCode.OK, saved);
        Assert.DoesNotContain("\"cost\"", saved, StringComparison.Ordinal);

        // Nothing refused was written; the buyer changes both.
        var stored = await GetAsync(shop.Admin, url);
        Assert.Equal((80.37m, 120m, "glazed"), (stored.GetProperty("cost").GetDecimal(), stored.GetProperty("listPrice").GetDecimal(), stored.GetProperty("notes").GetString()));
        var (bought, boughtBody) = await SendAsync(shop.Buyer, HttpMethod.Patch, url, """{ "cost": 85.19, "listPrice": 125 }""");
        Assert.True(bought == HttpStatusCode.OK, boughtBody);
        Assert.Equal(85.19m, (await GetAsync(shop.Admin, url)).GetProperty("cost").GetDecimal());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_audit_trail_imports_rules_actions_and_the_task_record_keep_a_hidden_field_to_those_granted_it(string provider)
    {
        var shop = await StartAsync(provider);
        await using var _ = shop.Host;
        var seller = shop.Seller;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(shop.Buyer, HttpMethod.Patch, $"/odata/product({shop.ProductId})", """{ "cost": 85.19 }""")).Status);

        // Audit: the seller's trail has neither the cost's change nor the cost it was created with; the buyer's has both.
        var trail = await seller.GetStringAsync($"/api/audit/product/{shop.ProductId}");
        Assert.DoesNotContain("cost", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("85.19", trail, StringComparison.Ordinal);
        Assert.Contains("listPrice", trail, StringComparison.Ordinal);
        var full = await shop.Buyer.GetStringAsync($"/api/audit/product/{shop.ProductId}");
        Assert.Contains("\"field\":\"cost\"", full.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // Import: a column mapped to the cost by hand is refused before anything is read; a heading that names it is left out.
        var file = await ImportClients.UploadAsync(seller, Encoding.UTF8.GetBytes("Name,Cost\nKettle,12\n"), "products.csv");
        var (mapped, mappedBody) = await SendAsync(seller, HttpMethod.Post, "/api/import/product/preview", $$"""{ "file": "{{file}}", "mapping": { "Name": "name", "Cost": "cost" } }""");
        Assert.True(mapped == HttpStatusCode.BadRequest, mappedBody);
        Assert.Contains("do not let you see", mappedBody, StringComparison.Ordinal);
        var preview = await SendAsync(seller, HttpMethod.Post, "/api/import/product/preview", $$"""{ "file": "{{file}}" }""");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal(["Cost"], JsonDocument.Parse(preview.Body).RootElement.GetProperty("ignored").EnumerateArray().Select(h => h.GetString()));

        // Rules' lookups: a default reading the product's cost finds none for the seller, the cost for the administrator.
        var mine = await ODataRecords.CreateAsync(seller, "quote", $$"""{ "title": "Q-2", "product": "{{shop.ProductId}}" }""");
        Assert.Equal("no cost", (await GetAsync(seller, $"/odata/quote({mine})")).GetProperty("costNote").GetString());
        var theirs = await ODataRecords.CreateAsync(shop.Admin, "quote", $$"""{ "title": "Q-3", "product": "{{shop.ProductId}}" }""");
        Assert.Equal("cost 85.19", (await GetAsync(shop.Admin, $"/odata/quote({theirs})")).GetProperty("costNote").GetString());

        // Actions run with the seller's eyes: a lookup does not see the cost, a find on it is refused and rolls back.
        var (peeked, peekBody) = await SendAsync(seller, HttpMethod.Post, $"/api/records/quote/{shop.QuoteId}/actions/peek", "{}");
        Assert.True(peeked == HttpStatusCode.OK, peekBody);
        var (probed, probeBody) = await SendAsync(seller, HttpMethod.Post, $"/api/records/quote/{shop.QuoteId}/actions/probe", "{}");
        Assert.True(probed == HttpStatusCode.BadRequest, probeBody);
        Assert.Contains("'cost'", probeBody, StringComparison.Ordinal);
        var titles = (await GetAsync(shop.Admin, "/odata/quote?$orderby=title")).GetProperty("value").EnumerateArray().Select(q => q.GetProperty("title").GetString()).ToList();
        Assert.Contains("peek hidden", titles);
        Assert.DoesNotContain(titles, t => t!.StartsWith("probe", StringComparison.Ordinal));

        // The record shown beside a workflow task, read as the seller: the cost's label is not among its fields.
        var shown = await shop.Host.InScopeAsync(async s =>
        {
            var store = s.GetRequiredService<RecordStore>();
            var actor = new Actor("li", "li", null, new Platform.Core.Records.RecordAccess(false, SellerRights));
            var record = (await store.GetAsync("product", Guid.Parse(shop.ProductId), actor: actor))!;
            await using var reader = (await store.OpenReaderAsync("product", actor))!;
            return await Platform.Workflows.Inbox.TaskRecord.ShowAsync(reader, record, s.GetRequiredService<Platform.Records.People.IPeopleDirectory>(), CultureInfo.GetCultureInfo("en"));
        });
        Assert.Contains(shown, f => f.Label == "List price");
        Assert.DoesNotContain(shown, f => f.Label is "Cost" or "Costing sheet");
    }
}
