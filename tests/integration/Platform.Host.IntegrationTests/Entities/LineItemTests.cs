using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Packages;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;
using Platform.Records.Packages;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>
/// Line items: an order's lines are records of a line entity, saved, reordered and removed with the
/// order in one transaction, guarded by the order's row version and listed in its audit trail.
/// </summary>
public sealed class LineItemTests
{
    private static readonly Actor Admin = new("u-admin", "admin");

    public static TheoryData<string> Providers => TestDatabase.Providers;

    internal static IReadOnlyList<EntityDefinition> OrderEntities() =>
    [
        new()
        {
            Name = "item", Label = LocalizedText.Of("商品", "Item"), TitleField = "name",
            Fields = [EntitySamples.Field("name", "text", "名称", "Name", f => f.Required = true)],
        },
        new()
        {
            Name = "order", Label = LocalizedText.Of("订单", "Order"),
            Fields =
            [
                EntitySamples.Field("title", "text", "标题", "Title"),
                EntitySamples.Field("lines", "lines", "明细", "Lines", f => { f.Target = "order_line"; f.Required = true; }),
            ],
        },
        new()
        {
            Name = "order_line", Label = LocalizedText.Of("订单明细", "Order line"),
            Fields =
            [
                EntitySamples.Field("item", "lookup", "商品", "Item", f => { f.Target = "item"; f.Required = true; }),
                EntitySamples.Field("quantity", "integer", "数量", "Quantity", f => { f.Required = true; f.Min = 1; }),
                EntitySamples.Field("price", "money", "单价", "Price"),
            ],
        },
    ];

    internal static async Task<PlatformHost> OrdersAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var report = await ApplyAsync(host, OrderEntities());
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        return host;
    }

    private static Task<AppPackageReport> ApplyAsync(PlatformHost host, IEnumerable<EntityDefinition> entities) =>
        host.InScopeAsync(s => s.GetRequiredService<AppPackageService>()
            .ApplyAsync(entities.Select(e => new AppPackageFile($"entities/{e.Name}.json", MetadataJson.Write(e))).ToList(), "admin"));

    private static Task<RecordResult> CreateAsync(PlatformHost host, string entity, Dictionary<string, object?> values) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync(entity, values, Admin));

    private static Task<RecordResult> UpdateAsync(PlatformHost host, string entity, Guid id, int version, Dictionary<string, object?> values) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().UpdateAsync(entity, id, version, values, Admin));

    private static Task<IReadOnlyDictionary<string, object?>?> GetAsync(PlatformHost host, string entity, Guid id) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().GetAsync(entity, id));

    private static async Task<Guid> ItemAsync(PlatformHost host, string name)
    {
        var result = await CreateAsync(host, "item", new() { ["name"] = name });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return (Guid)result.Record!["id"]!;
    }

    private static Dictionary<string, object?> Line(Guid item, long quantity, decimal price) =>
        new() { ["item"] = item, ["quantity"] = quantity, ["price"] = price };

    internal static List<Dictionary<string, object?>> Lines(IReadOnlyDictionary<string, object?> record) =>
        ((IEnumerable<Dictionary<string, object?>>)record["lines"]!).ToList();

    private static Task<int> CountAsync(PlatformHost host, string entity) =>
        host.InScopeAsync(async s =>
        {
            await using var reader = (await s.GetRequiredService<RecordStore>().OpenReaderAsync(entity))!;
            return reader.Live.Count();
        });

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_order_is_created_with_its_lines_in_one_save_and_read_back_in_order(string provider)
    {
        await using var host = await OrdersAsync(provider);
        var tea = await ItemAsync(host, "茶叶");
        var cup = await ItemAsync(host, "Cup");

        var created = await CreateAsync(host, "order", new() { ["title"] = "SO-1", ["lines"] = new[] { Line(tea, 2, 12.5m), Line(cup, 6, 3m) } });

        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        var order = (await GetAsync(host, "order", (Guid)created.Record!["id"]!))!;
        var lines = Lines(order);
        Assert.Equal([tea, cup], lines.Select(l => (Guid)l["item"]!));
        Assert.Equal([1, 2], lines.Select(l => (int)l["lineNo"]!));
        Assert.All(lines, l => Assert.Equal(order["id"], l["parentId"]));
        Assert.Equal(12.5m, (decimal)lines[0]["price"]!);
        Assert.Equal(2, Lines(created.Record!).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Changing_an_order_changes_adds_removes_and_reorders_its_lines_and_guards_them_by_the_order_row_version(string provider)
    {
        await using var host = await OrdersAsync(provider);
        var tea = await ItemAsync(host, "Tea");
        var cup = await ItemAsync(host, "Cup");
        var pot = await ItemAsync(host, "Pot");
        var created = await CreateAsync(host, "order", new() { ["lines"] = new[] { Line(tea, 2, 12.5m), Line(cup, 6, 3m) } });
        var order = created.Record!;
        var (first, second) = (Lines(order)[0], Lines(order)[1]);

        // The cup line first with a new quantity, the tea line removed, a pot line added at the end.
        var changed = await UpdateAsync(host, "order", (Guid)order["id"]!, 1, new()
        {
            ["lines"] = new[] { new Dictionary<string, object?> { ["id"] = second["id"], ["quantity"] = 8 }, Line(pot, 1, 99m) },
        });

        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        Assert.Equal(2, changed.Record!["rowVersion"]);
        var lines = Lines((await GetAsync(host, "order", (Guid)order["id"]!))!);
        Assert.Equal([cup, pot], lines.Select(l => (Guid)l["item"]!));
        Assert.Equal([8L, 1L], lines.Select(l => (long)l["quantity"]!));
        Assert.Equal([1, 2], lines.Select(l => (int)l["lineNo"]!));
        Assert.Equal(second["id"], lines[0]["id"]);
        Assert.Equal(2, lines[0]["rowVersion"]);
        Assert.Equal(2, await CountAsync(host, "order_line"));

        // Someone who read version 1 cannot overwrite the lines.
        var stale = await UpdateAsync(host, "order", (Guid)order["id"]!, 1, new() { ["lines"] = new[] { Line(tea, 1, 1m) } });
        Assert.Equal(RecordOutcome.Conflict, stale.Outcome);
        Assert.Equal([cup, pot], Lines((await GetAsync(host, "order", (Guid)order["id"]!))!).Select(l => (Guid)l["item"]!));

        var trail = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().AuditTrailAsync("order", (Guid)order["id"]!));
        Assert.Contains(trail, a => a.EntityKey == "order_line" && a.Action == "delete" && a.RecordId == (Guid)first["id"]! && a.OldValue!.Contains("12.5", StringComparison.Ordinal));
        Assert.Contains(trail, a => a.EntityKey == "order_line" && a.Action == "update" && a.Field == "quantity" && a.OldValue == "6" && a.NewValue == "8");
        Assert.Equal(3, trail.Count(a => a.EntityKey == "order_line" && a.Action == "create"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_bad_line_refuses_the_whole_order_naming_the_line_and_field(string provider)
    {
        await using var host = await OrdersAsync(provider);
        var tea = await ItemAsync(host, "Tea");

        var refused = await CreateAsync(host, "order", new()
        {
            ["title"] = "SO-bad",
            ["lines"] = new[] { Line(tea, 2, 1m), Line(tea, 0, 1m), Line(Guid.NewGuid(), 1, 1m), new Dictionary<string, object?> { ["price"] = 1m } },
        });

        Assert.Equal(RecordOutcome.Invalid, refused.Outcome);
        Assert.Contains(refused.Errors, e => e.Field == "lines[1].quantity");
        Assert.Contains(refused.Errors, e => e.Field == "lines[2].item");
        Assert.Contains(refused.Errors, e => e.Field == "lines[3].item");
        Assert.Contains(refused.Errors, e => e.Field == "lines[3].quantity");
        Assert.Equal(0, await CountAsync(host, "order"));
        Assert.Equal(0, await CountAsync(host, "order_line"));

        var noLines = await CreateAsync(host, "order", new() { ["title"] = "SO-empty", ["lines"] = Array.Empty<Dictionary<string, object?>>() });
        Assert.Contains(noLines.Errors, e => e.Field == "lines");
        var unknownLine = await CreateAsync(host, "order", new() { ["lines"] = new[] { new Dictionary<string, object?> { ["id"] = Guid.NewGuid(), ["quantity"] = 1 } } });
        Assert.Contains(unknownLine.Errors, e => e.Field == "lines[0].id");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Lines_are_not_saved_on_their_own_and_go_to_the_recycle_bin_and_back_with_their_order(string provider)
    {
        await using var host = await OrdersAsync(provider);
        var tea = await ItemAsync(host, "Tea");
        var order = (await CreateAsync(host, "order", new() { ["lines"] = new[] { Line(tea, 2, 1m), Line(tea, 3, 1m) } })).Record!;
        var orderId = (Guid)order["id"]!;

        var alone = await CreateAsync(host, "order_line", Line(tea, 1, 1m));
        Assert.Equal(RecordOutcome.Invalid, alone.Outcome);
        Assert.Contains("Order", alone.Errors.Single().Message, StringComparison.Ordinal);

        var deleted = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().DeleteAsync("order", orderId, 1, Admin));
        Assert.True(deleted.Succeeded, string.Join("; ", deleted.Errors));
        Assert.Equal(0, await CountAsync(host, "order_line"));

        var restored = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().RestoreAsync("order", orderId, 2, Admin));
        Assert.True(restored.Succeeded, string.Join("; ", restored.Errors));
        Assert.Equal(2, Lines(restored.Record!).Count);

        // Deleting the item a line refers to is refused like any other restricting lookup.
        var item = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().DeleteAsync("item", tea, 1, Admin));
        Assert.Equal(RecordOutcome.Invalid, item.Outcome);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Line_item_cycles_nesting_shared_line_entities_and_entities_with_records_are_refused(string provider)
    {
        await using var host = await OrdersAsync(provider);
        var schemas = (Func<EntityDefinition, Task<SchemaChangeResult>>)(e => host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(e, "admin")));
        var lines = (string name, string target) => EntitySamples.Field(name, "lines", name, name, f => f.Target = target);

        var cycle = OrderEntities()[2];
        cycle.Fields.Add(lines("orders", "order"));
        Assert.Contains("cycle", (await schemas(cycle)).Errors.Single().Message, StringComparison.Ordinal);

        var self = new EntityDefinition { Name = "folder", Label = LocalizedText.Of("目录", "Folder"), Fields = [EntitySamples.Field("name", "text", "名称", "Name"), lines("children", "folder")] };
        Assert.Contains("cycle", (await schemas(self)).Errors.Single().Message, StringComparison.Ordinal);

        var invoice = new EntityDefinition { Name = "invoice", Label = LocalizedText.Of("发票", "Invoice"), Fields = [lines("lines", "order_line")] };
        Assert.Contains("already holds the lines of order.lines", (await schemas(invoice)).Errors.Single().Message, StringComparison.Ordinal);

        var nested = new EntityDefinition { Name = "shipment", Label = LocalizedText.Of("发货", "Shipment"), Fields = [lines("orders", "order")] };
        Assert.Contains("one level deep", (await schemas(nested)).Errors.Single().Message, StringComparison.Ordinal);

        Assert.True((await CreateAsync(host, "item", new() { ["name"] = "Tea" })).Succeeded);
        var itemsAsLines = new EntityDefinition { Name = "basket", Label = LocalizedText.Of("购物篮", "Basket"), Fields = [lines("items", "item")] };
        Assert.Contains("already holds 1 record", (await schemas(itemsAsLines)).Errors.Single().Message, StringComparison.Ordinal);

        var schema = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync());
        Assert.DoesNotContain(schema.Entities, e => e.Name is "folder" or "invoice" or "shipment" or "basket");
        Assert.DoesNotContain(schema.Find("order_line")!.Fields, f => f.Name == "orders");
    }
}
