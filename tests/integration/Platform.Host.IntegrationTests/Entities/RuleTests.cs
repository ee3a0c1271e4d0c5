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
/// JavaScript rules on entities: computed fields (line amounts and the order total), defaults,
/// validation rules and before-save scripts, run by the record service on every save.
/// </summary>
public sealed class RuleTests
{
    // People (with every record right), not the platform: validation rules judge what people enter.
    private static readonly Actor Clerk = new("u-clerk", "clerk", Access: new RecordAccess(true, []), Roles: ["Sales"]);
    private static readonly Actor Manager = new("u-manager", "manager", Access: new RecordAccess(true, []), Roles: ["Sales", "Sales manager"]);

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static IReadOnlyList<EntityDefinition> Entities() =>
    [
        new()
        {
            Name = "order", Label = LocalizedText.Of("订单", "Order"),
            Fields =
            [
                EntitySamples.Field("title", "text", "标题", "Title"),
                EntitySamples.Field("orderDate", "date", "下单日期", "Order date", f => f.Default = "today()"),
                EntitySamples.Field("region", "text", "区域", "Region", f => f.Default = "'east'"),
                EntitySamples.Field("discount", "percent", "折扣", "Discount"),
                EntitySamples.Field("status", "text", "状态", "Status"),
                EntitySamples.Field("shipping", "boolean", "需要发货", "Shipping"),
                EntitySamples.Field("address", "text", "收货地址", "Address", f => { f.VisibleWhen = "record.shipping === true"; f.RequiredWhen = "record.shipping === true"; }),
                EntitySamples.Field("locked", "boolean", "锁定", "Locked"),
                EntitySamples.Field("notes", "text", "备注", "Notes", f => f.ReadOnlyWhen = "record.locked === true"),
                EntitySamples.Field("lines", "lines", "明细", "Lines", f => { f.Target = "order_line"; f.ReadOnlyWhen = "record.locked === true"; }),
                EntitySamples.Field("total", "computed", "合计", "Total", f => { f.Formula = "round(sum(record.lines, 'amount') * (1 - (record.discount || 0)), 2)"; f.ResultType = "money"; }),
            ],
            Rules =
            [
                new RuleDefinition
                {
                    Name = "maxDiscount", Kind = RuleDefinition.Validation, Field = "discount",
                    When = "record.discount > 0.2 && !user.roles.includes('Sales manager')",
                    Message = LocalizedText.Of("折扣超过 20% 需要销售经理", "A discount above 20 % needs a sales manager"),
                },
                new RuleDefinition
                {
                    Name = "review", Kind = RuleDefinition.BeforeSave,
                    Script = "if ((record.title || '').includes('forbidden')) { error('This title is not allowed', 'title'); }\nrecord.status = record.total > 1000 ? 'review' : 'ok';",
                },
            ],
        },
        new()
        {
            Name = "order_line", Label = LocalizedText.Of("订单明细", "Order line"),
            Fields =
            [
                EntitySamples.Field("quantity", "decimal", "数量", "Quantity", f => f.Required = true),
                EntitySamples.Field("price", "money", "单价", "Price", f => f.Required = true),
                EntitySamples.Field("amount", "computed", "金额", "Amount", f => { f.Formula = "record.quantity * record.price"; f.ResultType = "money"; }),
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

    private static Task<RecordResult> CreateAsync(PlatformHost host, Dictionary<string, object?> values, Actor? actor = null) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("order", values, actor ?? Clerk));

    private static Task<RecordResult> UpdateAsync(PlatformHost host, Guid id, int version, Dictionary<string, object?> values, Actor? actor = null) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().UpdateAsync("order", id, version, values, actor ?? Clerk));

    private static Dictionary<string, object?> Line(decimal quantity, decimal price) => new() { ["quantity"] = quantity, ["price"] = price };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Line_amounts_and_the_order_total_are_computed_and_recomputed_when_lines_change(string provider)
    {
        await using var host = await StartAsync(provider);

        var created = await CreateAsync(host, new() { ["title"] = "SO-1", ["lines"] = new[] { Line(3, 19.99m), Line(2, 0.1m) } });

        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        var order = created.Record!;
        Assert.Equal([59.97m, 0.2m], LineItemTests.Lines(order).Select(l => (decimal)l["amount"]!));
        Assert.Equal(60.17m, order["total"]);
        Assert.Equal("ok", order["status"]);

        var lines = LineItemTests.Lines(order);
        var changed = await UpdateAsync(host, (Guid)order["id"]!, 1, new()
        {
            ["lines"] = new[] { new Dictionary<string, object?> { ["id"] = lines[0]["id"], ["quantity"] = 100m } },
        });
        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        Assert.Equal(1999m, changed.Record!["total"]);
        Assert.Equal("review", changed.Record!["status"]);

        var discounted = await UpdateAsync(host, (Guid)order["id"]!, 2, new() { ["discount"] = 0.1m });
        Assert.True(discounted.Succeeded, string.Join("; ", discounted.Errors));
        Assert.Equal(1799.1m, discounted.Record!["total"]);
        var trail = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().AuditTrailAsync("order", (Guid)order["id"]!));
        Assert.Contains(trail, a => a.Field == "total" && a.OldValue == "1999" && a.NewValue == "1799.1");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Defaults_fill_what_a_new_record_leaves_empty(string provider)
    {
        await using var host = await StartAsync(provider);

        var created = await CreateAsync(host, new() { ["region"] = "north" });

        Assert.Equal(DateOnly.FromDateTime(DateTime.Now), created.Record!["orderDate"]);
        Assert.Equal("north", created.Record!["region"]);
        Assert.Equal("east", (await CreateAsync(host, new())).Record!["region"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_discount_above_20_percent_is_refused_unless_the_user_is_a_sales_manager(string provider)
    {
        await using var host = await StartAsync(provider);

        var refused = await CreateAsync(host, new() { ["title"] = "big deal", ["discount"] = 0.25m });
        var allowed = await CreateAsync(host, new() { ["title"] = "big deal", ["discount"] = 0.25m }, Manager);

        Assert.Equal(("discount", "A discount above 20 % needs a sales manager"), (refused.Errors.Single().Field, refused.Errors.Single().Message));
        Assert.True(allowed.Succeeded, string.Join("; ", allowed.Errors));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_before_save_script_can_refuse_with_a_message_at_a_field_and_nothing_is_written(string provider)
    {
        await using var host = await StartAsync(provider);

        var refused = await CreateAsync(host, new() { ["title"] = "forbidden fruit", ["lines"] = new[] { Line(1, 1) } });

        Assert.Equal(("title", "This title is not allowed"), (refused.Errors.Single().Field, refused.Errors.Single().Message));
        var count = await host.InScopeAsync(async s =>
        {
            await using var reader = (await s.GetRequiredService<RecordStore>().OpenReaderAsync("order_line"))!;
            return reader.Live.Count();
        });
        Assert.Equal(0, count);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Scripts_with_syntax_errors_are_refused_at_save_and_runaway_scripts_stop_the_save_with_the_rule_named(string provider)
    {
        await using var host = await StartAsync(provider);
        var schemas = (Func<EntityDefinition, Task<SchemaChangeResult>>)(e => host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(e, "admin")));

        var broken = Entities()[1];
        broken.Field("amount")!.Formula = "record.quantity *\n  record.price +";
        var syntax = await schemas(broken);
        Assert.Equal("$.fields[2].formula", syntax.Errors.Single().Path);
        Assert.StartsWith("line 2, column", syntax.Errors.Single().Message, StringComparison.Ordinal);

        var runaway = Entities()[0];
        runaway.Rules![1].Script = "while (true) { }";
        Assert.True((await schemas(runaway)).Succeeded);
        var stopped = await CreateAsync(host, new() { ["title"] = "loop" });
        Assert.Contains("review", stopped.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Contains("statements", stopped.Errors.Single().Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Required_when_and_read_only_when_conditions_are_enforced_on_save(string provider)
    {
        await using var host = await StartAsync(provider);

        var missing = await CreateAsync(host, new() { ["shipping"] = true });
        Assert.Equal("address", missing.Errors.Single().Field);
        var locked = (await CreateAsync(host, new() { ["shipping"] = true, ["address"] = "上海", ["locked"] = true, ["notes"] = "first" })).Record!;
        var id = (Guid)locked["id"]!;

        var changeNotes = await UpdateAsync(host, id, 1, new() { ["notes"] = "second" });
        var unlockAndChange = await UpdateAsync(host, id, 1, new() { ["locked"] = false, ["notes"] = "second" });
        var unlock = await UpdateAsync(host, id, 1, new() { ["locked"] = false });
        var thenChange = await UpdateAsync(host, id, 2, new() { ["notes"] = "second" });

        Assert.Equal("notes", changeNotes.Errors.Single().Field);
        Assert.Equal("notes", unlockAndChange.Errors.Single().Field);
        Assert.True(unlock.Succeeded, string.Join("; ", unlock.Errors));
        Assert.True(thenChange.Succeeded, string.Join("; ", thenChange.Errors));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Read_only_when_holds_a_lines_field_against_people_and_lets_the_platforms_own_writes_through(string provider)
    {
        await using var host = await StartAsync(provider);
        var order = (await CreateAsync(host, new() { ["locked"] = true, ["notes"] = "first", ["lines"] = new[] { Line(2, 10m), Line(1, 5m) } })).Record!;
        var id = (Guid)order["id"]!;
        var lines = ((IEnumerable<IReadOnlyDictionary<string, object?>>)order["lines"]!).ToList();
        Dictionary<string, object?> Kept(int i) => new() { ["id"] = lines[i]["id"], ["quantity"] = lines[i]["quantity"], ["price"] = lines[i]["price"] };

        var changedQuantity = await UpdateAsync(host, id, 1, new() { ["lines"] = new[] { new Dictionary<string, object?>(Kept(0)) { ["quantity"] = 3m }, Kept(1) } });
        var added = await UpdateAsync(host, id, 1, new() { ["lines"] = new[] { Kept(0), Kept(1), Line(1, 1m) } });
        var removed = await UpdateAsync(host, id, 1, new() { ["lines"] = new[] { Kept(0) } });
        var sentBackAsRead = await UpdateAsync(host, id, 1, new() { ["lines"] = new[] { Kept(0), Kept(1) }, ["title"] = "unchanged lines" });
        var byThePlatform = await UpdateAsync(host, id, 2, new() { ["lines"] = new[] { new Dictionary<string, object?>(Kept(0)) { ["quantity"] = 3m }, Kept(1) }, ["notes"] = "changed as approved" }, Actor.Platform);

        Assert.All([changedQuantity, added, removed], refused => Assert.Equal("lines", refused.Errors.Single().Field));
        Assert.True(sentBackAsRead.Succeeded, string.Join("; ", sentBackAsRead.Errors));
        Assert.True(byThePlatform.Succeeded, string.Join("; ", byThePlatform.Errors));
        Assert.Equal(35m, Convert.ToDecimal(byThePlatform.Record!["total"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("changed as approved", byThePlatform.Record!["notes"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_preview_runs_the_rules_on_the_values_being_edited_and_writes_nothing(string provider)
    {
        await using var host = await StartAsync(provider);
        var client = await host.CreateAdminClientAsync();

        var response = await client.PostAsync("/api/records/order/preview", new StringContent(
            """{ "title": "draft", "shipping": true, "lines": [ { "quantity": 2, "price": 10.5 }, { "quantity": 1 } ] }""", System.Text.Encoding.UTF8, "application/json"));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var preview = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        Assert.Equal(21m, preview.GetProperty("record").GetProperty("lines")[0].GetProperty("amount").GetDecimal());
        var errors = preview.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("lines[1].price", errors);
        // A half-filled form still shows its totals: the formulas run although a line lacks its price.
        Assert.Equal(21m, preview.GetProperty("record").GetProperty("total").GetDecimal());
        var address = preview.GetProperty("fields").GetProperty("address");
        Assert.True(address.GetProperty("visible").GetBoolean());
        Assert.True(address.GetProperty("required").GetBoolean());
        Assert.True(preview.GetProperty("fields").GetProperty("total").GetProperty("readOnly").GetBoolean());

        var valid = await client.PostAsync("/api/records/order/preview", new StringContent(
            """{ "lines": [ { "quantity": 2, "price": 10.5 } ] }""", System.Text.Encoding.UTF8, "application/json"));
        var ok = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(valid.Content);
        Assert.Empty(ok.GetProperty("errors").EnumerateArray());
        Assert.Equal(21m, ok.GetProperty("record").GetProperty("total").GetDecimal());
        Assert.False(ok.GetProperty("fields").GetProperty("address").GetProperty("visible").GetBoolean());
        var count = await host.InScopeAsync(async s =>
        {
            await using var reader = (await s.GetRequiredService<RecordStore>().OpenReaderAsync("order"))!;
            return reader.Live.Count();
        });
        Assert.Equal(0, count);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Scripts_read_other_records_with_lookup_and_find(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        EntityDefinition[] entities =
        [
            new()
            {
                Name = "item", Label = LocalizedText.Of("商品", "Item"),
                Fields = [EntitySamples.Field("name", "text", "名称", "Name"), EntitySamples.Field("price", "money", "单价", "Price")],
            },
            new()
            {
                Name = "quote", Label = LocalizedText.Of("报价", "Quote"),
                Fields = [EntitySamples.Field("title", "text", "标题", "Title"), EntitySamples.Field("lines", "lines", "明细", "Lines", f => f.Target = "quote_line")],
                Rules =
                [
                    new RuleDefinition
                    {
                        Name = "known", Kind = RuleDefinition.BeforeSave,
                        Script = "if (find('item', \"name eq '\" + record.title + \"'\").length === 0) { error('No item is called ' + record.title, 'title'); }",
                    },
                ],
            },
            new()
            {
                Name = "quote_line", Label = LocalizedText.Of("报价明细", "Quote line"),
                Fields =
                [
                    EntitySamples.Field("item", "lookup", "商品", "Item", f => f.Target = "item"),
                    EntitySamples.Field("unitPrice", "money", "单价", "Unit price", f => f.Default = "record.item ? lookup('item', record.item).price : null"),
                ],
            },
        ];
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>()
            .ApplyAsync(entities.Select(e => new AppPackageFile($"entities/{e.Name}.json", MetadataJson.Write(e))).ToList(), "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var tea = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("item", new Dictionary<string, object?> { ["name"] = "Tea", ["price"] = 12.5m }, Clerk));

        var quote = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("quote",
            new Dictionary<string, object?> { ["title"] = "Tea", ["lines"] = new[] { new Dictionary<string, object?> { ["item"] = tea.Record!["id"] } } }, Clerk));
        var unknown = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("quote", new Dictionary<string, object?> { ["title"] = "Coffee" }, Clerk));
        var badFilter = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("quote", new Dictionary<string, object?> { ["title"] = "x' or ghost eq '1" }, Clerk));

        Assert.True(quote.Succeeded, string.Join("; ", quote.Errors));
        Assert.Equal(12.5m, LineItemTests.Lines(quote.Record!)[0]["unitPrice"]);
        Assert.Equal(("title", "No item is called Coffee"), (unknown.Errors.Single().Field, unknown.Errors.Single().Message));
        Assert.Contains("ghost", badFilter.Errors.Single().Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task After_save_scripts_create_and_change_other_records_in_the_same_transaction(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        EntityDefinition[] entities =
        [
            new()
            {
                Name = "customer", Label = LocalizedText.Of("客户", "Customer"),
                Fields = [EntitySamples.Field("name", "text", "名称", "Name"), EntitySamples.Field("lastOrder", "text", "最近订单", "Last order")],
            },
            new()
            {
                Name = "task", Label = LocalizedText.Of("任务", "Task"),
                Fields = [EntitySamples.Field("title", "text", "标题", "Title", f => f.Required = true)],
            },
            new()
            {
                Name = "deal", Label = LocalizedText.Of("成交", "Deal"),
                Fields = [EntitySamples.Field("title", "text", "标题", "Title"), EntitySamples.Field("customer", "lookup", "客户", "Customer", f => f.Target = "customer")],
                Rules =
                [
                    new RuleDefinition
                    {
                        Name = "followUp", Kind = RuleDefinition.AfterSave,
                        Script = "create('task', { title: record.title === 'untitled' ? null : 'Ship ' + record.title });\nupdate('customer', record.customer, { lastOrder: record.title });",
                    },
                ],
            },
            new()
            {
                Name = "chain", Label = LocalizedText.Of("链", "Chain"),
                Fields = [EntitySamples.Field("n", "integer", "序号", "N")],
                Rules = [new RuleDefinition { Name = "again", Kind = RuleDefinition.AfterSave, Script = "create('chain', { n: record.n + 1 });" }],
            },
        ];
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>()
            .ApplyAsync(entities.Select(e => new AppPackageFile($"entities/{e.Name}.json", MetadataJson.Write(e))).ToList(), "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Task<RecordResult> Create(string entity, Dictionary<string, object?> values) =>
            host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync(entity, values, Clerk));
        Task<int> Count(string entity) => host.InScopeAsync(async s =>
        {
            await using var reader = (await s.GetRequiredService<RecordStore>().OpenReaderAsync(entity))!;
            return reader.Live.Count();
        });
        var acme = (await Create("customer", new() { ["name"] = "Acme" })).Record!;

        var deal = await Create("deal", new() { ["title"] = "SO-7", ["customer"] = acme["id"] });
        var refused = await Create("deal", new() { ["title"] = "untitled", ["customer"] = acme["id"] });
        var loop = await Create("chain", new() { ["n"] = 1 });

        Assert.True(deal.Succeeded, string.Join("; ", deal.Errors));
        Assert.Equal(1, await Count("task"));
        var customer = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().GetAsync("customer", (Guid)acme["id"]!));
        Assert.Equal("SO-7", customer!["lastOrder"]);
        Assert.Contains("followUp", refused.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(1, await Count("deal"));
        Assert.Equal(1, await Count("task"));
        Assert.Contains("5", loop.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(0, await Count("chain"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task After_save_scripts_see_the_record_as_it_was_before_the_change_as_old(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        EntityDefinition[] entities =
        [
            new()
            {
                Name = "task", Label = LocalizedText.Of("任务", "Task"),
                Fields = [EntitySamples.Field("title", "text", "标题", "Title", f => f.Required = true)],
            },
            new()
            {
                Name = "request", Label = LocalizedText.Of("申请", "Request"),
                Fields = [EntitySamples.Field("status", "text", "状态", "Status"), EntitySamples.Field("notes", "text", "备注", "Notes")],
                Rules =
                [
                    new RuleDefinition
                    {
                        Name = "onApproval", Kind = RuleDefinition.AfterSave,
                        Script = "if (record.status === 'approved' && (!old || old.status !== 'approved')) { create('task', { title: 'apply ' + (old ? old.status : 'new') }); }",
                    },
                ],
            },
        ];
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>()
            .ApplyAsync(entities.Select(e => new AppPackageFile($"entities/{e.Name}.json", MetadataJson.Write(e))).ToList(), "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var store = (IServiceProvider s) => s.GetRequiredService<RecordStore>();
        var request = (await host.InScopeAsync(s => store(s).CreateAsync("request", new Dictionary<string, object?> { ["status"] = "submitted" }, Clerk))).Record!;
        var id = (Guid)request["id"]!;

        await host.InScopeAsync(s => store(s).UpdateAsync("request", id, 1, new Dictionary<string, object?> { ["status"] = "approved" }, Actor.Platform));
        await host.InScopeAsync(s => store(s).UpdateAsync("request", id, 2, new Dictionary<string, object?> { ["notes"] = "still approved" }, Clerk));
        await host.InScopeAsync(s => store(s).CreateAsync("request", new Dictionary<string, object?> { ["status"] = "approved" }, Clerk));

        var titles = await host.InScopeAsync(async s =>
        {
            await using var reader = (await store(s).OpenReaderAsync("task"))!;
            return reader.Live.AsEnumerable().Select(r => (string)r["title"]).ToList();
        });
        Assert.Equal(["apply new", "apply submitted"], titles.Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Scripts_see_lines_presented_like_records_multi_choice_values_as_lists(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        EntityDefinition[] entities =
        [
            new()
            {
                Name = "basket", Label = LocalizedText.Of("篮子", "Basket"),
                Fields =
                [
                    EntitySamples.Field("lines", "lines", "明细", "Lines", f => f.Target = "basket_line"),
                    EntitySamples.Field("tagCount", "computed", "标签数", "Tag count", f => { f.Formula = "sum(record.lines, l => l.tags.length)"; f.ResultType = "integer"; }),
                ],
            },
            new()
            {
                Name = "basket_line", Label = LocalizedText.Of("篮子明细", "Basket line"),
                Fields =
                [
                    EntitySamples.Field("tags", "multiChoice", "标签", "Tags", f => f.Choices =
                        [new ChoiceOption { Value = "gift", Label = LocalizedText.Of("礼品", "Gift") }, new ChoiceOption { Value = "fragile", Label = LocalizedText.Of("易碎", "Fragile") }]),
                ],
            },
        ];
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>()
            .ApplyAsync(entities.Select(e => new AppPackageFile($"entities/{e.Name}.json", MetadataJson.Write(e))).ToList(), "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));

        var basket = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("basket",
            new Dictionary<string, object?> { ["lines"] = new[] { new Dictionary<string, object?> { ["tags"] = new[] { "gift", "fragile" } }, new Dictionary<string, object?> { ["tags"] = new[] { "gift" } } } }, Clerk));

        Assert.True(basket.Succeeded, string.Join("; ", basket.Errors));
        Assert.Equal(3L, basket.Record!["tagCount"]);
    }
}
