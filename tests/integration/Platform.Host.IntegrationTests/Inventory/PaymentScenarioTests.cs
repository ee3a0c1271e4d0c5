using System.Net;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// Advance payments against an order, as the inventory package declares them: a payment entry (收付款单) fulfils the order itself,
/// not a line of it. Submitting adds its amount to the order's advance paid, cancelling takes it out; more than the order's total,
/// a payment against an order not submitted, or cancelling an order with payments standing is refused with the reason and changes
/// nothing. Numbers by hand.
/// </summary>
public sealed class PaymentScenarioTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Advances_against_a_sales_order_add_up_to_its_total_and_no_further(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        // 10 at 20 + 5 at 40 = 400.
        var (order, _) = await books.SalesOrderAsync(("A", 10, 20, null), ("B", 5, 40, null));

        var first = await books.PaymentAsync(order, 150m);
        Assert.Equal("杭州机电", (await books.ReadAsync("payment_entry", first, lines: false)).GetProperty("party").GetString()); // taken from the order
        Assert.Equal((0m, 400m), await AdvanceAsync(books, order)); // a draft counts for nothing
        await TradeBooks.MustAsync(books.SubmitAsync("payment_entry", first));
        Assert.Equal((150m, 250m), await AdvanceAsync(books, order));

        // 150 + 300 = 450 > 400: refused, in Chinese, naming the order and its total; nothing changed.
        var tooMuch = await books.PaymentAsync(order, 300m);
        var (status, body) = await books.SubmitAsync("payment_entry", tooMuch);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var number = (await books.ReadAsync("customer_order", order)).GetProperty("number").GetString();
        Assert.Contains($"{number}：已收预收款将变为 450，超出合计金额 400 及 0% 允差（400）", body, StringComparison.Ordinal);
        Assert.Contains("\"customerOrder\"", body, StringComparison.Ordinal); // shown at the order field
        Assert.Equal("draft", (await books.ReadAsync("payment_entry", tooMuch, lines: false)).GetProperty("docStatus").GetString());
        Assert.Equal((150m, 250m), await AdvanceAsync(books, order));

        // The rest, exactly: paid in full.
        var rest = await books.PaymentAsync(order, 250m);
        await TradeBooks.MustAsync(books.SubmitAsync("payment_entry", rest));
        Assert.Equal((400m, 0m), await AdvanceAsync(books, order));

        // The order cannot be cancelled while payments stand against it; cancelling a payment takes its amount out.
        (status, body) = await books.CancelAsync("customer_order", order);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("不能作废", body, StringComparison.Ordinal);
        await TradeBooks.MustAsync(books.CancelAsync("payment_entry", first));
        Assert.Equal((250m, 150m), await AdvanceAsync(books, order));
        await TradeBooks.MustAsync(books.CancelAsync("payment_entry", rest));
        Assert.Equal((0m, 400m), await AdvanceAsync(books, order));
        await TradeBooks.MustAsync(books.CancelAsync("customer_order", order));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_purchase_order_is_paid_in_advance_only_once_submitted_and_a_payment_is_never_below_a_cent(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider);
        await using var host = books.Host;
        var draft = await books.DraftOrderAsync("purchase_order", $$"""{ "supplier": "{{books.Supplier}}", "warehouse": "{{books.Warehouse}}" """, [("A", 100, 3, null)]);

        books.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        books.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var early = await books.PaymentAsync(draft, 100m, received: false);
        Assert.Equal("宁波轴承厂", (await books.ReadAsync("payment_entry", early, lines: false)).GetProperty("party").GetString()); // the supplier's name
        var (status, body) = await books.SubmitAsync("payment_entry", early);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("is not submitted, so nothing can be done against it yet", body, StringComparison.Ordinal);
        Assert.Equal("draft", (await books.ReadAsync("payment_entry", early, lines: false)).GetProperty("docStatus").GetString());

        await TradeBooks.MustAsync(books.SubmitAsync("purchase_order", draft));
        await TradeBooks.MustAsync(books.SubmitAsync("payment_entry", early));
        Assert.Equal((100m, 200m), await AdvanceAsync(books, draft, "purchase_order"));

        // A payment of nothing is refused when it is saved, at its amount.
        var (zeroStatus, zeroBody) = await ApiCalls.SendAsync(books.Client, HttpMethod.Post, "/odata/payment_entry",
            $$"""{ "paymentType": "pay", "purchaseOrder": "{{draft}}", "amount": 0 }""");
        Assert.Equal(HttpStatusCode.BadRequest, zeroStatus);
        Assert.Contains("amount", zeroBody, StringComparison.Ordinal);
    }

    private static async Task<(decimal Paid, decimal Outstanding)> AdvanceAsync(TradeBooks books, string order, string entity = "customer_order")
    {
        var record = await books.ReadAsync(entity, order);
        return (record.GetProperty("advancePaid").GetDecimal(), record.GetProperty("outstanding").GetDecimal());
    }
}
