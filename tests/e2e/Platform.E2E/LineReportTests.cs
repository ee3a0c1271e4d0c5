using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// A report over line items built in the browser (zh-CN): order lines summed by product over this month's orders — the month
/// read from each line's order — and a row opening its lines, each of which opens the order it belongs to.
/// </summary>
public sealed class LineReportTests(SamplesHost samples) : IClassFixture<SamplesHost>
{
    private HostProcess Host => samples.Host!;

    private HttpClient Api => samples.Api!;

    [SkippableFact]
    public async Task Order_lines_are_summed_by_product_over_this_months_orders_and_a_row_opens_its_lines_and_their_order()
    {
        BrowserSession.SkipUnlessAvailable();
        var customer = await PostAsync(Api, "customer", new { name = "华东面料行" });
        var wool = await PostAsync(Api, "product", new { code = "L-001", name = "羊毛衫", price = 100m });
        var silk = await PostAsync(Api, "product", new { code = "L-002", name = "真丝围巾", price = 250m });
        var today = DateOnly.FromDateTime(DateTime.Now);
        var thisMonth = await PostAsync(Api, "sales_order", new { customer, orderDate = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), lines = new object[] { new { product = wool, quantity = 2m }, new { product = silk, quantity = 1m } } });
        await PostAsync(Api, "sales_order", new { customer, orderDate = today.AddMonths(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), lines = new object[] { new { product = wool, quantity = 5m } } });

        await using var browser = await BrowserSession.OpenAsync("zh-CN", 1400, 900);
        var page = browser.Page;
        await SignInAsync(browser, Host, "/reports/new", "zh-CN");
        await TypeAsync(page, "builder-title-zh", "本月各产品销售额");
        await ChooseAsync(page, "builder-entity", "订单明细（销售订单）");
        await Assertions.Expect(page.GetByTestId("builder-preview")).ToHaveAttributeAsync("data-entity", "sales_order_line"); // taken before groupings are added to it
        await page.GetByTestId("builder-rows-add").ClickAsync();
        await ChooseAsync(page, "builder-rows-field-0", "产品 · 产品名称");
        await ChooseAsync(page, "measure-function-0", "求和");
        await ChooseAsync(page, "measure-field-0", "金额");
        await ChooseAsync(page, "builder-period-field", "销售订单 · 下单日期");
        await ChooseAsync(page, "builder-period-range", "本月");
        var preview = page.GetByTestId("builder-preview");
        await Assertions.Expect(preview.GetByTestId("report-row")).ToHaveCountAsync(2);
        await Assertions.Expect(preview.GetByTestId("report-row").Filter(new() { HasText = "羊毛衫" })).ToContainTextAsync("200.00"); // two this month, not the five before
        await Assertions.Expect(preview.GetByTestId("report-totals")).ToContainTextAsync("450.00");
        await browser.ScreenshotAsync("report-builder-lines-zh");

        // Between two days: it starts as this month's, and reaching back to the older order counts its five too.
        await ChooseAsync(page, "builder-period-range", "指定日期");
        var first = new DateOnly(today.Year, today.Month, 1);
        await Assertions.Expect(Input(page, "builder-period-from")).ToHaveValueAsync(first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await TypeAsync(page, "builder-period-from", first.AddMonths(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(preview.GetByTestId("report-totals")).ToContainTextAsync("950.00");
        await ChooseAsync(page, "builder-period-range", "本月");
        await Assertions.Expect(preview.GetByTestId("report-totals")).ToContainTextAsync("450.00");
        await page.GetByTestId("builder-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-title")).ToHaveTextAsync("本月各产品销售额");

        // The row opens its lines; a line opens its order.
        await page.GetByTestId("report-row").Filter(new() { HasText = "羊毛衫" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/sales_order_line\\?filter="));
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 1 条");
        await Assertions.Expect(page.GetByTestId("record-new")).ToHaveCountAsync(0); // lines are made in their order
        await page.GetByTestId("record-row").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/records/sales_order/{thisMonth}$"));
    }
}
