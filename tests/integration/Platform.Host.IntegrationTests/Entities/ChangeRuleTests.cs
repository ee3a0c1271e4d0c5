using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Packages;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;
using Platform.Records.Packages;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>
/// Change rules (a field's change sets others: the tax-inclusive price and the net price follow each other),
/// <c>parent</c> in a line's scripts (the document's customer and its "prices include tax" switch), and
/// <c>find</c> sorted — the customer's last price of a product offered on a new line.
/// </summary>
public sealed class ChangeRuleTests
{
    private static readonly Actor Clerk = new("u-clerk", "clerk", Access: new RecordAccess(true, []), Roles: ["Sales"]);

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static IReadOnlyList<EntityDefinition> Entities() =>
    [
        new()
        {
            Name = "item", Label = LocalizedText.Of("商品", "Item"),
            Fields = [EntitySamples.Field("name", "text", "名称", "Name"), EntitySamples.Field("price", "money", "单价", "Price")],
        },
        new()
        {
            Name = "offer", Label = LocalizedText.Of("报价", "Offer"),
            Fields =
            [
                EntitySamples.Field("customer", "text", "客户", "Customer"),
                EntitySamples.Field("pricesIncludeTax", "boolean", "价格含税", "Prices include tax"),
                EntitySamples.Field("lines", "lines", "明细", "Lines", f => f.Target = "offer_line"),
                EntitySamples.Field("total", "computed", "价税合计", "Total", f => { f.Formula = "sum(record.lines, 'amount')"; f.ResultType = "money"; }),
            ],
        },
        new()
        {
            Name = "offer_line", Label = LocalizedText.Of("报价明细", "Offer line"),
            Fields =
            [
                EntitySamples.Field("item", "lookup", "商品", "Item", f => f.Target = "item"),
                EntitySamples.Field("quantity", "decimal", "数量", "Quantity"),
                EntitySamples.Field("unitPrice", "money", "单价", "Unit price"),
                EntitySamples.Field("taxRate", "percent", "税率", "Tax rate", f => f.Default = "0.13"),
                EntitySamples.Field("priceWithTax", "money", "含税单价", "Price incl. tax"),
                EntitySamples.Field("net", "computed", "金额", "Net", f =>
                {
                    f.ResultType = "money";
                    f.Formula = "parent && parent.pricesIncludeTax ? round(round((record.quantity || 0) * (record.priceWithTax || 0), 2) / (1 + (record.taxRate || 0)), 2) : round((record.quantity || 0) * (record.unitPrice || 0), 2)";
                }),
                EntitySamples.Field("amount", "computed", "价税合计", "Amount", f =>
                {
                    f.ResultType = "money";
                    f.Formula = "parent && parent.pricesIncludeTax ? round((record.quantity || 0) * (record.priceWithTax || 0), 2) : round(record.net + round(record.net * (record.taxRate || 0), 2), 2)";
                }),
            ],
            Rules =
            [
                // The item offered sets the price: what this customer was offered last, else the list price.
                new RuleDefinition
                {
                    Name = "itemPrice", Kind = RuleDefinition.Change, Field = "item",
                    Script = """
                        if (!record.item) { return; }
                        var offers = parent && parent.customer ? find('offer', "customer eq '" + parent.customer + "' and id ne " + parent.id, 100, 'createdAt desc') : [];
                        var last = offers.length ? find('offer_line', "item eq " + record.item + " and parentId in (" + offers.map(function (o) { return o.id; }).join(',') + ")", 1, 'createdAt desc') : [];
                        record.unitPrice = last.length ? last[0].unitPrice : lookup('item', record.item).price;
                        """,
                },
                new RuleDefinition { Name = "net", Kind = RuleDefinition.Change, Field = "unitPrice", Script = "record.priceWithTax = record.unitPrice == null ? null : taxInclusive(record.unitPrice, record.taxRate || 0);" },
                new RuleDefinition { Name = "gross", Kind = RuleDefinition.Change, Field = "priceWithTax", Script = "record.unitPrice = record.priceWithTax == null ? null : round(record.priceWithTax / (1 + (record.taxRate || 0)), 4);" },
            ],
        },
    ];

    private static async Task<PlatformHost> StartAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>()
            .ApplyAsync(Entities().Select(e => new AppPackageFile($"entities/{e.Name}.json", MetadataJson.Write(e))).ToList(), "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        return host;
    }

    private static Task<RecordResult> CreateAsync(PlatformHost host, string entity, Dictionary<string, object?> values) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync(entity, values, Clerk));

    private static async Task<JsonElement> PreviewAsync(HttpClient client, string body, params string[] edited)
    {
        var query = string.Join('&', edited.Select(e => "edited=" + Uri.EscapeDataString(e)));
        var response = await client.PostAsync($"/api/records/offer/preview?{query}", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static decimal? Value(JsonElement line, string field) => line.GetProperty(field).ValueKind == JsonValueKind.Null ? null : line.GetProperty(field).GetDecimal();

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Typing_either_price_in_a_form_sets_the_other_and_the_save_keeps_what_the_form_showed(string provider)
    {
        await using var host = await StartAsync(provider);
        var client = await host.CreateAdminClientAsync();

        // 含税单价 typed: the net price follows, to 4 decimals; the answer names what the rule set.
        var gross = await PreviewAsync(client, """{ "lines": [ { "quantity": 7, "priceWithTax": 99.99 } ] }""", "lines[0].priceWithTax");
        var line = gross.GetProperty("record").GetProperty("lines")[0];
        Assert.Equal(88.4867m, Value(line, "unitPrice"));
        Assert.Equal(99.99m, Value(line, "priceWithTax"));
        Assert.Equal(["lines[0].unitPrice"], gross.GetProperty("setByRules").EnumerateArray().Select(e => e.GetString()));

        // Then the net price typed over it (both now sent, as a form sends them): the tax-inclusive price follows the typing.
        var net = await PreviewAsync(client, """{ "lines": [ { "quantity": 7, "priceWithTax": 99.99, "unitPrice": 100 } ] }""", "lines[0].unitPrice");
        line = net.GetProperty("record").GetProperty("lines")[0];
        Assert.Equal(100m, Value(line, "unitPrice"));
        Assert.Equal(113m, Value(line, "priceWithTax"));
        Assert.Equal(["lines[0].priceWithTax"], net.GetProperty("setByRules").EnumerateArray().Select(e => e.GetString()));

        // Nothing typed (a form opening): no change rule runs.
        var opened = await PreviewAsync(client, """{ "lines": [ { "quantity": 1, "unitPrice": 5, "priceWithTax": 9 } ] }""", "customer");
        Assert.Equal(9m, Value(opened.GetProperty("record").GetProperty("lines")[0], "priceWithTax"));
        Assert.Empty(opened.GetProperty("setByRules").EnumerateArray());

        // A save keeps the values given, as the form showed them.
        var saved = await CreateAsync(host, "offer", new() { ["lines"] = new[] { new Dictionary<string, object?> { ["quantity"] = 7m, ["unitPrice"] = 100m, ["priceWithTax"] = 113m } } });
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        Assert.Equal((100m, 113m), ((decimal)LineItemTests.Lines(saved.Record!)[0]["unitPrice"]!, (decimal)LineItemTests.Lines(saved.Record!)[0]["priceWithTax"]!));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_save_runs_the_change_rules_of_the_fields_it_changes_and_leaves_the_values_given_alone(string provider)
    {
        await using var host = await StartAsync(provider);

        var created = await CreateAsync(host, "offer", new() { ["lines"] = new[] { new Dictionary<string, object?> { ["quantity"] = 3m, ["priceWithTax"] = 11.3m } } });
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        var line = LineItemTests.Lines(created.Record!)[0];
        Assert.Equal(10m, line["unitPrice"]);

        // A stored line given a new net price: the tax-inclusive one follows; the line's other values stay.
        var changed = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().UpdateAsync("offer", (Guid)created.Record!["id"]!, 1,
            new Dictionary<string, object?> { ["lines"] = new[] { new Dictionary<string, object?> { ["id"] = line["id"], ["unitPrice"] = 20m } } }, Clerk));
        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        line = LineItemTests.Lines(changed.Record!)[0];
        Assert.Equal((20m, 22.6m, 3m), ((decimal)line["unitPrice"]!, (decimal)line["priceWithTax"]!, (decimal)line["quantity"]!));

        // Given the same net price again, nothing changed: the rule does not run and a tax-inclusive price given stays.
        var same = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().UpdateAsync("offer", (Guid)created.Record!["id"]!, 2,
            new Dictionary<string, object?> { ["lines"] = new[] { new Dictionary<string, object?> { ["id"] = line["id"], ["unitPrice"] = 20m, ["quantity"] = 4m } } }, Clerk));
        Assert.True(same.Succeeded, string.Join("; ", same.Errors));
        Assert.Equal(22.6m, LineItemTests.Lines(same.Record!)[0]["priceWithTax"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_line_reads_its_document_as_parent_so_tax_inclusive_prices_add_up_to_the_cent(string provider)
    {
        await using var host = await StartAsync(provider);

        // 1,000 × 99.99 incl. 13 %, entered tax-inclusive: the amount is exactly 99,990.00 (net 88,486.73).
        var inclusive = await CreateAsync(host, "offer", new()
        {
            ["pricesIncludeTax"] = true,
            ["lines"] = new[] { new Dictionary<string, object?> { ["quantity"] = 1000m, ["priceWithTax"] = 99.99m } },
        });
        // The same line priced net (88.4867, shown as 99.99 incl. tax) and taxed on its net amount: 88,486.70 + 11,503.27.
        var net = await CreateAsync(host, "offer", new()
        {
            ["lines"] = new[] { new Dictionary<string, object?> { ["quantity"] = 1000m, ["unitPrice"] = 88.4867m } },
        });

        Assert.True(inclusive.Succeeded, string.Join("; ", inclusive.Errors));
        Assert.Equal(88.4867m, LineItemTests.Lines(inclusive.Record!)[0]["unitPrice"]);
        Assert.Equal((88486.73m, 99990m), ((decimal)LineItemTests.Lines(inclusive.Record!)[0]["net"]!, (decimal)inclusive.Record!["total"]!));
        Assert.True(net.Succeeded, string.Join("; ", net.Errors));
        Assert.Equal(99.99m, LineItemTests.Lines(net.Record!)[0]["priceWithTax"]);
        Assert.Equal(99989.97m, net.Record!["total"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_new_line_offers_the_customers_last_price_of_the_item_found_newest_first(string provider)
    {
        await using var host = await StartAsync(provider);
        var client = await host.CreateAdminClientAsync();
        var tea = await CreateAsync(host, "item", new() { ["name"] = "Tea", ["price"] = 12.5m });
        var teaId = tea.Record!["id"]!.ToString();
        Dictionary<string, object?> Offer(string customer, decimal? price) => new()
        {
            ["customer"] = customer,
            ["lines"] = new[] { new Dictionary<string, object?> { ["item"] = teaId, ["quantity"] = 1m, ["unitPrice"] = price } },
        };

        Assert.True((await CreateAsync(host, "offer", Offer("ACME", 11m))).Succeeded);
        await Task.Delay(20);
        Assert.True((await CreateAsync(host, "offer", Offer("ACME", 10.8m))).Succeeded);
        Assert.True((await CreateAsync(host, "offer", Offer("Globex", 9m))).Succeeded);

        // A new offer for ACME: picking tea offers 10.80, ACME's newest price, and its tax-inclusive price follows.
        var acme = await PreviewAsync(client, $$"""{ "customer": "ACME", "lines": [ { "item": "{{teaId}}", "quantity": 2 } ] }""", "lines[0].item");
        var line = acme.GetProperty("record").GetProperty("lines")[0];
        Assert.Equal((10.8m, 12.2m), (Value(line, "unitPrice")!.Value, Value(line, "priceWithTax")!.Value));
        Assert.Equal(["lines[0].unitPrice", "lines[0].priceWithTax"], acme.GetProperty("setByRules").EnumerateArray().Select(e => e.GetString()));

        // A customer never offered tea gets the list price; so does a save through the API that names no price.
        var initech = await PreviewAsync(client, $$"""{ "customer": "Initech", "lines": [ { "item": "{{teaId}}", "quantity": 2 } ] }""", "lines[0].item");
        Assert.Equal(12.5m, Value(initech.GetProperty("record").GetProperty("lines")[0], "unitPrice"));
        var saved = await CreateAsync(host, "offer", Offer("Globex", null).Where(p => p.Key != "lines").ToDictionary()
            .Append(new("lines", new[] { new Dictionary<string, object?> { ["item"] = teaId, ["quantity"] = 1m } })).ToDictionary());
        Assert.Equal(9m, LineItemTests.Lines(saved.Record!)[0]["unitPrice"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_change_rule_needs_its_field_and_a_find_sorted_by_an_unknown_field_names_it(string provider)
    {
        await using var host = await StartAsync(provider);
        var broken = new EntityDefinition
        {
            Name = "memo", Label = LocalizedText.Of("备忘", "Memo"),
            Fields = [EntitySamples.Field("title", "text", "标题", "Title")],
            Rules = [new RuleDefinition { Name = "noField", Kind = RuleDefinition.Change, Script = "record.title = 'x';" }],
        };
        var refused = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>()
            .ApplyAsync([new AppPackageFile("entities/memo.json", MetadataJson.Write(broken))], "admin"));
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Errors, e => e.Path.EndsWith("$.rules[0].field", StringComparison.Ordinal));

        broken.Rules = [new RuleDefinition { Name = "sorted", Kind = RuleDefinition.Change, Field = "title", Script = "find('item', '', 1, 'colour desc');" }];
        Assert.True((await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>()
            .ApplyAsync([new AppPackageFile("entities/memo.json", MetadataJson.Write(broken))], "admin"))).Succeeded);
        var failed = await CreateAsync(host, "memo", new() { ["title"] = "hello" });
        Assert.False(failed.Succeeded);
        Assert.Contains("colour", failed.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Contains("sorted", failed.Errors.Single().Message, StringComparison.Ordinal);
    }
}
