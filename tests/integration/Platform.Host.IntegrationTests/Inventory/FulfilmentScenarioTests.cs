using System.Net;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// Fulfilment between documents, as the inventory package declares it: delivery notes deliver sales-order lines, invoices bill them,
/// receipts receive purchase-order lines. Submitting and cancelling roll the figures into the orders (quantities, percentages, the
/// order's status) in the same transaction; what would over-deliver, return more than went out, act on an order not submitted or
/// closed, or leave a cancelled order behind its deliveries is refused with the reason and changes nothing. Numbers by hand.
/// </summary>
public sealed class FulfilmentScenarioTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Partial_deliveries_and_an_invoice_roll_up_into_the_order_and_a_cancelled_delivery_rolls_back(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        // A: 10 at 20 = 200; B: 5 at 40 = 200.
        var (order, lines) = await books.SalesOrderAsync(("A", 10, 20, null), ("B", 5, 40, null));
        Assert.Equal((0m, "toDeliverAndBill", "0,0"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));

        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", await books.DeliveryAsync((lines[0], "A", 4))));
        // 4 of 15 delivered: 26.67 %, kept as a fraction.
        Assert.Equal((0.2667m, "toDeliverAndBill", "4,0"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));

        // One note finishing both lines: everything delivered, nothing billed.
        var second = await books.DeliveryAsync((lines[0], "A", 6), (lines[1], "B", 5));
        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", second));
        Assert.Equal((1m, "toBill", "10,5"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));
        Assert.Equal(-15m, await books.QuantityAsync("A") + await books.QuantityAsync("B")); // the warehouse allows negative stock

        // Billing A in full (200 of 400): half billed; then B: completed.
        await TradeBooks.MustAsync(books.SubmitAsync("sales_invoice", await books.InvoiceAsync((lines[0], "A", 10, 20))));
        Assert.Equal((0.5m, "toBill", "200,0"), await books.FiguresAsync("customer_order", order, "percentBilled", "billedAmount"));
        await TradeBooks.MustAsync(books.SubmitAsync("sales_invoice", await books.InvoiceAsync((lines[1], "B", 5, 40))));
        Assert.Equal((1m, "completed", "200,200"), await books.FiguresAsync("customer_order", order, "percentBilled", "billedAmount"));

        // Cancelling the second note takes its quantities out again: billed in full, to deliver.
        await TradeBooks.MustAsync(books.CancelAsync("delivery_note", second));
        Assert.Equal((0.2667m, "toDeliver", "4,0"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));
        Assert.Equal(-4m, await books.QuantityAsync("A"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Over_delivery_is_refused_beyond_the_line_allowance_and_changes_nothing(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        // A without an allowance, B with 10 %.
        var (order, lines) = await books.SalesOrderAsync(("A", 10, 20, null), ("B", 10, 20, 0.1m));

        var tooMuch = await books.DeliveryAsync((lines[0], "A", 11));
        var (status, body) = await books.SubmitAsync("delivery_note", tooMuch);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var number = (await books.ReadAsync("customer_order", order)).GetProperty("number").GetString();
        Assert.Contains($"{number} 第 1 行：已出库数量将变为 11，超出数量 10 及 0% 允差（10）", body, StringComparison.Ordinal);
        Assert.Equal("draft", (await books.ReadAsync("delivery_note", tooMuch)).GetProperty("docStatus").GetString());
        Assert.Equal(0m, await books.QuantityAsync("A")); // the stock did not move either
        Assert.Equal((0m, "toDeliverAndBill", "0,0"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));

        // B may go to 11, not beyond.
        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", await books.DeliveryAsync((lines[1], "B", 11))));
        (status, body) = await books.SubmitAsync("delivery_note", await books.DeliveryAsync((lines[1], "B", 1)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("已出库数量将变为 12，超出数量 10 及 10% 允差（11）", body, StringComparison.Ordinal);
        // 10 of A's 10 plus B's 11 capped at 10: half the order.
        Assert.Equal((0.5m, "toDeliverAndBill", "0,11"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_return_takes_back_what_was_delivered_but_never_more(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var (order, lines) = await books.SalesOrderAsync(("A", 10, 20, null));
        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", await books.DeliveryAsync((lines[0], "A", 6))));
        Assert.Equal(-6m, await books.QuantityAsync("A"));

        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", await books.DeliveryAsync((lines[0], "A", -2))));
        Assert.Equal((0.4m, "toDeliverAndBill", "4"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));
        Assert.Equal(-4m, await books.QuantityAsync("A")); // two came back

        var (status, body) = await books.SubmitAsync("delivery_note", await books.DeliveryAsync((lines[0], "A", -5)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("已出库数量将从 4 变为 -1——退回的比发出的还多", body, StringComparison.Ordinal);
        Assert.Equal(-4m, await books.QuantityAsync("A"));

        // A return's quantities are negative, a delivery's positive: a mixed note is refused by the package's rule.
        (status, body) = await SendAsync(books.Client, HttpMethod.Post, "/odata/delivery_note",
            $$"""{ "customer": "杭州机电", "warehouse": "{{books.Warehouse}}", "isReturn": true, "lines": [ { "orderLine": "{{lines[0]}}", "item": "{{await books.ItemAsync("A")}}", "quantity": 1 } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("退货单的数量须为负数", body, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_order_with_deliveries_cannot_be_cancelled_until_they_are(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var (order, lines) = await books.SalesOrderAsync(("A", 10, 20, null));
        var note = await books.DeliveryAsync((lines[0], "A", 3));
        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", note));
        var noteNumber = (await books.ReadAsync("delivery_note", note)).GetProperty("number").GetString();

        var (status, body) = await books.CancelAsync("customer_order", order);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"不能作废：{noteNumber} 仍引用它", body, StringComparison.Ordinal);
        Assert.Equal("submitted", (await books.ReadAsync("customer_order", order)).GetProperty("docStatus").GetString());

        await TradeBooks.MustAsync(books.CancelAsync("delivery_note", note));
        await TradeBooks.MustAsync(books.CancelAsync("customer_order", order));
        Assert.Equal("cancelled", (await books.ReadAsync("customer_order", order)).GetProperty("status").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Nothing_is_delivered_against_a_draft_or_a_closed_order_and_closing_is_the_only_change_a_submitted_order_takes(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var draft = await books.DraftOrderAsync("customer_order", $$"""{ "customer": "杭州机电", "warehouse": "{{books.Warehouse}}" """, [("A", 10, 20, null)]);
        var draftLine = (await books.ReadAsync("customer_order", draft)).GetProperty("lines")[0].GetProperty("id").GetString()!;
        var (status, body) = await books.SubmitAsync("delivery_note", await books.DeliveryAsync((draftLine, "A", 1)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("第 1 行：销售订单", body, StringComparison.Ordinal);
        Assert.Contains("尚未提交，还不能据此执行", body, StringComparison.Ordinal);

        var (order, lines) = await books.SalesOrderAsync(("A", 10, 20, null));
        (status, body) = await SendAsync(books.Client, HttpMethod.Patch, $"/odata/customer_order({order})", """{ "customer": "别的客户" }""");
        Assert.Equal(HttpStatusCode.Conflict, status); // locked: only what may change after submission may
        Assert.Contains("已提交", body, StringComparison.Ordinal);
        (status, body) = await SendAsync(books.Client, HttpMethod.Patch, $"/odata/customer_order({order})", """{ "closed": true }""");
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal("closed", (await books.ReadAsync("customer_order", order)).GetProperty("status").GetString());

        var note = await books.DeliveryAsync((lines[0], "A", 1));
        (status, body) = await books.SubmitAsync("delivery_note", note);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("已关闭：请先重新打开再据此执行", body, StringComparison.Ordinal);

        (status, body) = await SendAsync(books.Client, HttpMethod.Patch, $"/odata/customer_order({order})", """{ "closed": false }""");
        Assert.True(status == HttpStatusCode.OK, body);
        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", note));
        Assert.Equal((0.1m, "toDeliverAndBill", "1"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Receipts_receive_a_purchase_order_within_the_packages_ten_percent_and_one_note_serves_two_orders(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var (po, poLines) = await books.PurchaseOrderAsync(("A", 100, 5));
        await TradeBooks.MustAsync(books.SubmitAsync("purchase_receipt", await books.ReceiptAsync((poLines[0], "A", 60, 5))));
        Assert.Equal((0.6m, "toReceive", "60"), await books.FiguresAsync("purchase_order", po, "percentReceived", "receivedQuantity"));
        await TradeBooks.MustAsync(books.SubmitAsync("purchase_receipt", await books.ReceiptAsync((poLines[0], "A", 50, 5))));
        Assert.Equal((1m, "completed", "110"), await books.FiguresAsync("purchase_order", po, "percentReceived", "receivedQuantity"));
        var (status, body) = await books.SubmitAsync("purchase_receipt", await books.ReceiptAsync((poLines[0], "A", 1, 5)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("已入库数量将变为 111，超出数量 100 及 10% 允差（110）", body, StringComparison.Ordinal);
        Assert.Equal(110m, await books.QuantityAsync("A"));

        // Two sales orders delivered by one note.
        var (first, firstLines) = await books.SalesOrderAsync(("A", 30, 9, null));
        var (second, secondLines) = await books.SalesOrderAsync(("A", 20, 9, null), ("B", 5, 9, null));
        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", await books.DeliveryAsync((firstLines[0], "A", 30), (secondLines[0], "A", 10))));
        Assert.Equal((1m, "toBill", "30"), await books.FiguresAsync("customer_order", first, "percentDelivered", "deliveredQuantity"));
        Assert.Equal((0.4m, "toDeliverAndBill", "10,0"), await books.FiguresAsync("customer_order", second, "percentDelivered", "deliveredQuantity"));
        Assert.Equal(70m, await books.QuantityAsync("A"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Eight_clerks_delivering_one_order_line_at_once_never_deliver_more_than_it_allows(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var (order, lines) = await books.SalesOrderAsync(("A", 10, 20, null));
        var notes = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            notes.Add(await books.DeliveryAsync((lines[0], "A", 2)));
        }

        var clients = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            var client = await host.CreateAdminClientAsync();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
            clients.Add(client);
        }

        var versions = await Task.WhenAll(notes.Select(n => books.VersionAsync("delivery_note", n)));
        var results = await Task.WhenAll(notes.Select((n, i) => SendAsync(clients[i], HttpMethod.Post, $"/api/records/delivery_note/{n}/submit", $$"""{ "version": {{versions[i]}} }""")));

        // Five notes of 2 fill the 10; the other three are refused (over the line, or refused while another saved) and left drafts.
        Assert.Equal(5, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        Assert.Equal((1m, "toBill", "10"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));
        Assert.Equal(-10m, await books.QuantityAsync("A"));
        var statuses = await Task.WhenAll(notes.Select(async n => (await books.ReadAsync("delivery_note", n)).GetProperty("docStatus").GetString()));
        Assert.Equal(5, statuses.Count(s => s == "submitted"));
        Assert.Equal(3, statuses.Count(s => s == "draft"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Make_a_delivery_drafts_a_note_for_what_is_still_to_deliver(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var (order, lines) = await books.SalesOrderAsync(("A", 10, 20, null), ("B", 5, 40, null));
        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", await books.DeliveryAsync((lines[1], "B", 5))));

        var (status, body) = await SendAsync(books.Client, HttpMethod.Post, $"/api/records/customer_order/{order}/actions/toDelivery", "{}");
        Assert.True(status == HttpStatusCode.OK, body);
        var made = JsonDocument.Parse(body).RootElement.GetProperty("open").GetProperty("id").GetString()!;
        var note = await books.ReadAsync("delivery_note", made);
        Assert.Equal("draft", note.GetProperty("docStatus").GetString());
        var line = Assert.Single(note.GetProperty("lines").EnumerateArray());
        Assert.Equal((lines[0], 10m), (line.GetProperty("orderLine").GetString(), line.GetProperty("quantity").GetDecimal()));

        await TradeBooks.MustAsync(books.SubmitAsync("delivery_note", made));
        Assert.Equal((1m, "toBill", "10,5"), await books.FiguresAsync("customer_order", order, "percentDelivered", "deliveredQuantity"));
        // Nothing left to deliver: the action is no longer offered.
        (status, _) = await SendAsync(books.Client, HttpMethod.Post, $"/api/records/customer_order/{order}/actions/toDelivery", "{}");
        Assert.NotEqual(HttpStatusCode.OK, status);
    }
}
