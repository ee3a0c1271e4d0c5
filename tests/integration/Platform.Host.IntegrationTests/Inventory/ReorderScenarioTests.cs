using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Workflows;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// Safety stock and reorder: an item's 补货设置 sets, per warehouse, the level below which it is ordered again, the least to order and the
/// supplier. Projected stock = on hand + on order + drafted − reserved; below the level the need is the shortfall, or the least to order
/// where more. The package's morning workflow drafts a purchase order per warehouse and supplier and tells the purchasers; drafts count as
/// on order, so the next morning drafts nothing again. Numbers by hand.
/// </summary>
public sealed class ReorderScenarioTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<string> ItemAsync(TradeBooks books, string code, decimal level, decimal least, string supplier) =>
        await ODataRecords.CreateAsync(books.Client, "item", $$"""
            { "code": "{{code}}", "name": "物料 {{code}}", "stockUnit": "个", "valuation": "fifo",
              "reorderLevels": [ { "warehouse": "{{books.Warehouse}}", "level": {{level}}, "quantity": {{least}}, "supplier": "{{supplier}}" } ] }
            """);

    private static async Task ReceiveAsync(TradeBooks books, string item, decimal quantity)
    {
        var receipt = await ODataRecords.CreateAsync(books.Client, "purchase_receipt",
            $$"""{ "supplier": "{{books.Supplier}}", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{item}}", "quantity": {{quantity}}, "rate": 5 } ] }""");
        await TradeBooks.MustAsync(books.SubmitAsync("purchase_receipt", receipt));
    }

    private static async Task<List<(string Item, decimal OnHand, decimal Reserved, decimal Ordered, decimal Drafted, decimal Projected, decimal Quantity)>> NeedsAsync(TradeBooks books) =>
        [.. (await books.Client.GetFromJsonAsync<JsonElement>("/api/inventory/reorder")).GetProperty("items").EnumerateArray()
            .Select(n => (n.GetProperty("itemCode").GetString()!, n.GetProperty("onHand").GetDecimal(), n.GetProperty("reserved").GetDecimal(), n.GetProperty("ordered").GetDecimal(),
                n.GetProperty("drafted").GetDecimal(), n.GetProperty("projected").GetDecimal(), n.GetProperty("quantity").GetDecimal()))];

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_reorder_drafting_what_is_not_a_purchase_document_or_nothing_known_is_refused_when_deployed(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await using var host = books.Host;
        static string Reorder(string entity) => $$"""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="reorder_{{entity}}" isExecutable="true">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="draft" />
                <bpmn:serviceTask id="draft" platform:action="reorder" platform:entity="{{entity}}" />
                <bpmn:sequenceFlow id="f2" sourceRef="draft" targetRef="done" />
                <bpmn:endEvent id="done" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        foreach (var (entity, code) in new[] { ("supplier", BpmnProblem.ReorderNeedsPurchaseDocument), ("purchase_ordr", BpmnProblem.UnknownTaskEntity) })
        {
            var deployed = await host.InScopeAsync(s => s.GetRequiredService<Platform.Bpmn.WorkflowDeployment>().DeployAsync(Encoding.UTF8.GetBytes(Reorder(entity)), "admin"));
            var problem = Assert.Single(deployed.Problems);
            Assert.Equal(("draft", code, entity), (problem.ElementId, problem.Code, problem.Arguments[0]));
        }

        var fine = await host.InScopeAsync(s => s.GetRequiredService<Platform.Bpmn.WorkflowDeployment>().DeployAsync(Encoding.UTF8.GetBytes(Reorder("purchase_order")), "admin"));
        Assert.Empty(fine.Problems);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Items_below_their_level_are_drafted_once_a_purchase_order_per_supplier_and_the_purchasers_hear_of_it(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await using var host = books.Host;
        var other = await ODataRecords.CreateAsync(books.Client, "supplier", """{ "code": "SZ-02", "name": "苏州紧固件" }""");
        var a = await ItemAsync(books, "A", 50, 100, books.Supplier); // 30 on hand + 10 on order = 40 < 50: the least to order, 100
        var b = await ItemAsync(books, "B", 20, 0, books.Supplier);   // nothing on hand, 8 reserved: −8, short by 28
        var c = await ItemAsync(books, "C", 10, 30, other);                  // nothing at all: 30
        var d = await ItemAsync(books, "D", 5, 10, books.Supplier);    // 10 on hand: not below 5
        await ReceiveAsync(books, a, 30);
        await ReceiveAsync(books, d, 10);
        var po = await ODataRecords.CreateAsync(books.Client, "purchase_order",
            $$"""{ "supplier": "{{books.Supplier}}", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{a}}", "quantity": 10, "rate": 5 } ] }""");
        await TradeBooks.MustAsync(books.SubmitAsync("purchase_order", po));
        var order = await ODataRecords.CreateAsync(books.Client, "customer_order",
            $$"""{ "customer": "杭州机电", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{b}}", "quantity": 8, "rate": 10 } ] }""");
        await TradeBooks.MustAsync(books.SubmitAsync("customer_order", order));
        var purchaser = await Accounts.CreateUserAsync(host, "caigou", "Caigou-passw0rd", "Purchaser");

        Assert.Equal([("A", 30m, 0m, 10m, 0m, 40m, 100m), ("B", 0m, 8m, 0m, 0m, -8m, 28m), ("C", 0m, 0m, 0m, 0m, 0m, 30m)], await NeedsAsync(books));
        var suppliers = (await books.Client.GetFromJsonAsync<JsonElement>("/api/inventory/reorder")).GetProperty("items").EnumerateArray()
            .Select(n => (n.GetProperty("supplier").GetString(), n.GetProperty("supplierName").GetString(), n.GetProperty("stockUnit").GetString()));
        Assert.Equal([(books.Supplier, "宁波轴承厂", "个"), (books.Supplier, "宁波轴承厂", "个"), (other, "苏州紧固件", "个")], suppliers);

        // The next 7 o'clock (local time): two drafts, one per supplier.
        var dispatcher = host.Services.GetRequiredService<Platform.Bpmn.Engine.WorkflowTimerDispatcher>();
        var now = TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), TimeZoneInfo.Local);
        var seven = new DateTimeOffset(now.Date.AddHours(7), now.Offset) is var today && today > now ? today : today.AddDays(1);
        host.Clock.Advance(seven - now + TimeSpan.FromMinutes(1));
        Assert.Equal(2, await dispatcher.RunDueAsync()); // the reorder, and the overdue sample loans (none)
        await books.SignInAgainAsync();

        var drafts = (await books.Client.GetFromJsonAsync<JsonElement>("/odata/purchase_order?$filter=docStatus eq 'draft'&$expand=lines")).GetProperty("value").EnumerateArray()
            .Select(p => (Supplier: p.GetProperty("supplier").GetString(), Warehouse: p.GetProperty("warehouse").GetString(), Notes: p.GetProperty("notes").GetString()!,
                Lines: string.Join(", ", p.GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("item").GetString()} {l.GetProperty("quantity").GetDecimal():0.##} {l.GetProperty("unit").GetString()}").Order(StringComparer.Ordinal))))
            .OrderBy(p => p.Lines.Length).ToList();
        Assert.Equal(2, drafts.Count);
        Assert.Equal((other, books.Warehouse), (drafts[0].Supplier, drafts[0].Warehouse));
        Assert.Equal($"{c} 30 个", drafts[0].Lines);
        Assert.Equal((books.Supplier, books.Warehouse), (drafts[1].Supplier, drafts[1].Warehouse));
        Assert.Equal(string.Join(", ", new[] { $"{a} 100 个", $"{b} 28 个" }.Order(StringComparer.Ordinal)), drafts[1].Lines);
        Assert.All(drafts, p => Assert.StartsWith("补货", p.Notes, StringComparison.Ordinal));

        var told = await host.InScopeAsync(async s => await s.GetRequiredService<PlatformDbContext>().UserNotifications.AsNoTracking().Where(n => n.UserId == purchaser).ToListAsync());
        var notice = Assert.Single(told);
        Assert.Equal("/records/purchase_order", notice.Link);
        var text = JsonDocument.Parse(notice.Text).RootElement;
        Assert.Equal("补货：已为低于补货点的物料生成 2 张采购订单草稿，请核对价格后提交。", text.GetProperty("zh-CN").GetString());
        Assert.StartsWith("Reorder: 2 draft purchase order(s)", text.GetProperty("en").GetString(), StringComparison.Ordinal);

        // Drafted counts as on order: nothing is short any more. Stock taken out again: A is short once more, and only A is drafted the
        // next morning.
        Assert.Empty(await NeedsAsync(books));
        var delivery = await ODataRecords.CreateAsync(books.Client, "delivery_note",
            $$"""{ "customer": "杭州机电", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{a}}", "quantity": 100 } ] }""");
        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", delivery));
        Assert.Equal([("A", -70m, 0m, 10m, 100m, 40m, 100m)], await NeedsAsync(books));
        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(2, await dispatcher.RunDueAsync());
        await books.SignInAgainAsync();
        var third = (await books.Client.GetFromJsonAsync<JsonElement>("/odata/purchase_order?$filter=docStatus eq 'draft'&$expand=lines&$orderby=createdAt desc")).GetProperty("value");
        Assert.Equal(3, third.GetArrayLength());
        Assert.Equal([(a, 100m)], third[0].GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("item").GetString(), l.GetProperty("quantity").GetDecimal())));
    }
}
