using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Inventory;

/// <summary>
/// Sample loans (样品借出) and their returns, as the inventory package declares them: a loan moves the samples at their value into a
/// loan warehouse, each return moves some back and counts against the loan's lines; more back than went out is refused, the loan
/// cannot be cancelled while returns stand, and the morning workflow marks loans past their due date 已逾期 and tells who lent
/// them. Numbers by hand.
/// </summary>
public sealed class SampleLoanScenarioTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Samples_lent_come_back_in_parts_never_more_than_went_out_and_a_loan_past_its_date_is_marked_overdue(string provider)
    {
        var books = await TradeBooks.OpenAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await using var host = books.Host;
        var loanWarehouse = await ODataRecords.CreateAsync(books.Client, "warehouse", """{ "code": "YP-01", "name": "样品借出仓" }""");
        var item = await books.ItemAsync("A");
        var receipt = await ODataRecords.CreateAsync(books.Client, "purchase_receipt",
            $$"""{ "supplier": "{{books.Supplier}}", "warehouse": "{{books.Warehouse}}", "lines": [ { "item": "{{item}}", "quantity": 10, "rate": 5 } ] }""");
        await TradeBooks.MustAsync(books.SubmitAsync("purchase_receipt", receipt));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), TimeZoneInfo.Local).DateTime);
        var due = today.AddDays(3);

        // 6 lent: 4 stay on the shelf, 6 at 5 = 30 are out on loan.
        var loan = await ODataRecords.CreateAsync(books.Client, "sample_loan", $$"""
            { "borrower": "杭州机电 王工", "fromWarehouse": "{{books.Warehouse}}", "loanWarehouse": "{{loanWarehouse}}", "dueDate": "{{due:yyyy-MM-dd}}",
              "lines": [ { "item": "{{item}}", "quantity": 6 } ] }
            """);
        await TradeBooks.MustAsync(books.SubmitAsync("sample_loan", loan));
        Assert.Equal((4m, 6m, 30m), await BalancesAsync(books));
        Assert.Equal("out", (await books.ReadAsync("sample_loan", loan)).GetProperty("status").GetString());
        var loanLine = (await books.ReadAsync("sample_loan", loan)).GetProperty("lines")[0].GetProperty("id").GetString()!;

        // 4 back: two thirds returned.
        await TradeBooks.MustAsync(books.SubmitAsync("sample_return", await ReturnAsync(books, loanWarehouse, loanLine, item, 4)));
        var figures = await books.ReadAsync("sample_loan", loan);
        Assert.Equal((4m, 2m, 0.6667m), (figures.GetProperty("lines")[0].GetProperty("returnedQuantity").GetDecimal(), figures.GetProperty("lines")[0].GetProperty("outstanding").GetDecimal(),
            figures.GetProperty("percentReturned").GetDecimal()));
        Assert.Equal((8m, 2m, 10m), await BalancesAsync(books));

        // 3 more would be 7 of 6: refused, nothing moved.
        var tooMany = await ReturnAsync(books, loanWarehouse, loanLine, item, 3);
        var (status, body) = await books.SubmitAsync("sample_return", tooMany);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("第 1 行：已归还数量将变为 7，超出数量 6 及 0% 允差（6）", body, StringComparison.Ordinal);
        Assert.Equal((8m, 2m, 10m), await BalancesAsync(books));
        (status, body) = await books.CancelAsync("sample_loan", loan);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("不能作废", body, StringComparison.Ordinal);

        // The morning after the due date: 已逾期, and whoever lent them is told once.
        var dispatcher = host.Services.GetRequiredService<Platform.Bpmn.Engine.WorkflowTimerDispatcher>();
        var now = TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), TimeZoneInfo.Local);
        var morning = new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(7, 1)), now.Offset);
        host.Clock.Advance(morning - now);
        Assert.True(await dispatcher.RunDueAsync() >= 1);
        await books.SignInAgainAsync();
        Assert.Equal("overdue", (await books.ReadAsync("sample_loan", loan)).GetProperty("status").GetString());
        var number = (await books.ReadAsync("sample_loan", loan)).GetProperty("number").GetString();
        var told = await host.InScopeAsync(async s => await s.GetRequiredService<PlatformDbContext>().UserNotifications.AsNoTracking()
            .Where(n => n.Link == $"/records/sample_loan/{loan}").ToListAsync());
        var text = JsonDocument.Parse(Assert.Single(told).Text).RootElement;
        Assert.Equal($"样品借出单 {number}（杭州机电 王工）已过约定归还日期，请跟进归还。", text.GetProperty("zh-CN").GetString());
        Assert.StartsWith($"Sample loan {number} (杭州机电 王工) is past its due date", text.GetProperty("en").GetString(), StringComparison.Ordinal);

        // The last 2 back: returned, the loan warehouse empty.
        await TradeBooks.MustAsync(books.SubmitAsync("sample_return", await ReturnAsync(books, loanWarehouse, loanLine, item, 2)));
        Assert.Equal("returned", (await books.ReadAsync("sample_loan", loan)).GetProperty("status").GetString());
        Assert.Equal((10m, 0m, 0m), await BalancesAsync(books));
    }

    private static async Task<string> ReturnAsync(TradeBooks books, string loanWarehouse, string loanLine, string item, decimal quantity) =>
        await ODataRecords.CreateAsync(books.Client, "sample_return", $$"""
            { "loanWarehouse": "{{loanWarehouse}}", "toWarehouse": "{{books.Warehouse}}", "lines": [ { "loanLine": "{{loanLine}}", "item": "{{item}}", "quantity": {{quantity}} } ] }
            """);

    /// <summary>Item A on the shelf, out on loan, and the value out on loan.</summary>
    private static async Task<(decimal Shelf, decimal OnLoan, decimal LoanValue)> BalancesAsync(TradeBooks books)
    {
        var loan = await books.Client.GetFromJsonAsync<JsonElement>("/api/inventory/balance?item=A&warehouse=YP-01");
        return (await books.QuantityAsync("A"), loan.GetProperty("quantity").GetDecimal(), loan.GetProperty("value").GetDecimal());
    }
}
