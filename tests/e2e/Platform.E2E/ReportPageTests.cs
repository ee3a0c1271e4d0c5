using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// Reports in the browser (zh-CN, then en): the CRM's funnel draws as an ECharts funnel and saves as a PNG; a pivot of
/// opportunities by stage and month shows its cells and totals, a cell opens exactly the opportunities behind it in the list, and
/// the pivot downloads as an .xlsx whose numbers are the page's.
/// </summary>
public sealed class ReportPageTests
{
    private static string Crm => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "crm");

    [SkippableFact]
    public async Task A_manager_reads_the_funnel_chart_drills_into_a_pivot_cell_and_exports_the_pivot_to_excel()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Crm));
        using var api = await AdminApiAsync(host);
        var customer = await PostAsync(api, "customer", new { name = "宁波港口机械有限公司" });
        foreach (var (name, stage, amount, on) in new[]
        {
            ("液压改造", "initial", 100m, "2026-03-10"), ("密封件年采购", "initial", 200m, "2026-04-02"), ("产线演示", "demo", 300m, "2026-04-20"),
            ("港口吊机维保", "won", 1000m, "2026-03-15"), ("备件包", "won", 500m, "2026-03-28"), ("旧设备回收", "lost", 50m, "2026-04-09"),
        })
        {
            await PostAsync(api, "opportunity", new { name, customer, stage, amount, expectedCloseOn = on, lostReason = stage == "lost" ? "价格" : null });
        }

        var pivot = await CreatedIdAsync(await api.PostAsJsonAsync("/api/reports", new
        {
            shared = true,
            definition = new
            {
                entity = "opportunity", labels = new Dictionary<string, string> { ["zh-CN"] = "商机阶段 × 月份", ["en"] = "Opportunities by stage and month" }, display = "pivot",
                groups = new[] { new { field = "stage" } }, columns = new[] { new { field = "expectedCloseOn", bucket = "month" } },
                measures = new object[]
                {
                    new { name = "amount", function = "sum", field = "amount", format = "money", label = new Dictionary<string, string> { ["zh-CN"] = "金额", ["en"] = "Amount" } },
                    new { name = "deals", function = "count", format = "number", label = new Dictionary<string, string> { ["zh-CN"] = "笔数", ["en"] = "Deals" } },
                },
            },
        }));

        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await SignInAsync(browser, host, "/reports");
        await Assertions.Expect(page.GetByTestId("report-link")).ToHaveCountAsync(14); // the CRM's thirteen and the pivot

        // The funnel: opportunities not lost, one layer per stage, drawn by ECharts; saved as a picture.
        await page.GetByTestId("report-link").Filter(new() { HasText = "销售漏斗" }).ClickAsync();
        await browser.WaitUntilInteractiveAsync();
        var chart = page.Locator("[data-testid=report-chart][data-chart=funnel]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-chart-ready", "true");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", "6"); // 3 stages × 2 measures
        Assert.True(await chart.Locator("canvas").CountAsync() > 0);
        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-png").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
        Assert.True(bytes.Length > 2000 && bytes.AsSpan(0, 4).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47 }), $"{png.SuggestedFilename}: {bytes.Length} bytes");
        Assert.Equal("销售漏斗.png", png.SuggestedFilename);
        await browser.ScreenshotAsync("report-funnel-zh");

        // The pivot: stages down, months across, amount and count per cell, totals of rows, columns and everything.
        await page.GotoAsync($"{host.BaseUrl}/reports/{pivot}");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("pivot-column")).ToHaveTextAsync(["2026年3月", "2026年4月"]);
        await Assertions.Expect(page.GetByTestId("pivot-row")).ToHaveCountAsync(4);
        var won = page.GetByTestId("pivot-row").Filter(new() { HasText = "赢单" });
        await Assertions.Expect(won.GetByTestId("pivot-cell")).ToHaveTextAsync(["1,500.00", "2", "", ""]);
        await Assertions.Expect(page.GetByTestId("pivot-grand-total")).ToHaveTextAsync(["2,150.00", "6"]);
        await browser.ScreenshotAsync("report-pivot-zh");

        // The workbook: the same numbers, as numbers.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-excel").ClickAsync());
        var sheet = SheetCells.Read((await download.PathAsync())!);
        Assert.Equal(["阶段", "2026年3月 · 金额", "2026年3月 · 笔数", "2026年4月 · 金额", "2026年4月 · 笔数", "合计 · 金额", "合计 · 笔数"], sheet[0]);
        Assert.Equal(["赢单", "1500", "2", "", "", "1500", "2"], sheet.Single(r => r[0] == "赢单"));
        Assert.Equal(["合计", "1600", "3", "550", "3", "2150", "6"], sheet[^1]);

        // A cell opens the opportunities behind it: the two won in March.
        await won.GetByTestId("pivot-cell").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/opportunity\\?filter="));
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("drill-filter")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 2 条");
        await Assertions.Expect(page.GetByTestId("record-row")).ToHaveCountAsync(2);
        await page.GetByTestId("drill-clear").ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 6 条");

        // The home page holds the CRM's sales dashboard: six widgets, charts drawn, KPIs read; the period filter narrows every one.
        await page.GotoAsync($"{host.BaseUrl}/");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("home-dashboard-title")).ToHaveTextAsync("销售仪表盘");
        await Assertions.Expect(page.GetByTestId("dashboard-widget")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-testid=dashboard-widget] [data-testid=report-chart][data-chart-ready=true]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("report-kpi")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=report-chart][data-chart=funnel]")).ToHaveAttributeAsync("data-points", "6");
        await ChooseAsync(page, "dashboard-period", "上月");
        await Assertions.Expect(page.GetByTestId("dashboard-period")).ToContainTextAsync("上月");
        await Assertions.Expect(page.GetByTestId("widget-title")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("widget-problem")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("report-dashboard-zh");

        // In English, the same report reads in English.
        await using var english = await BrowserSession.OpenAsync("en");
        await SignInAsync(english, host, $"/reports/{pivot}", "en");
        await Assertions.Expect(english.Page.GetByTestId("report-title")).ToHaveTextAsync("Opportunities by stage and month");
        await Assertions.Expect(english.Page.GetByTestId("pivot-column")).ToHaveTextAsync(["Mar 2026", "Apr 2026"]);
        await Assertions.Expect(english.Page.GetByTestId("pivot-row").Filter(new() { HasText = "Won" })).ToHaveCountAsync(1);
    }

    [SkippableFact]
    public async Task Leaving_the_home_page_before_its_charts_are_drawn_leaves_the_next_page_answering()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Crm));
        using var api = await AdminApiAsync(host);
        await PostAsync(api, "customer", new { name = "宁波港口机械有限公司" });
        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        // A slow line: the chart script arrives two seconds after the dashboard asked for it.
        var (asked, arrived) = (new TaskCompletionSource(), new TaskCompletionSource());
        await page.RouteAsync("**/charts.js", async route =>
        {
            asked.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(2));
            await route.ContinueAsync();
            arrived.TrySetResult();
        });

        await SignInAsync(browser, host, "/");
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await page.GetByTestId("shortcut").Filter(new() { HasText = "我的客户" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-row")).ToHaveCountAsync(1);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await page.WaitForTimeoutAsync(1000); // the chart would now be drawn into the page that was left

        await page.GetByTestId("select-row").CheckAsync();
        await Assertions.Expect(page.GetByTestId("bulk-count")).ToHaveTextAsync("已选 1 条");
    }

    [SkippableFact]
    public async Task A_report_too_long_to_download_at_once_is_exported_in_the_background()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Crm), ("Platform__Exports__DirectRows", "2"));
        using var api = await AdminApiAsync(host);
        var customer = await PostAsync(api, "customer", new { name = "宁波港口机械有限公司" });
        foreach (var (name, stage) in new[] { ("液压改造", "initial"), ("产线演示", "demo"), ("港口吊机维保", "won") })
        {
            await PostAsync(api, "opportunity", new { name, customer, stage, amount = 100m, expectedCloseOn = "2026-03-10" });
        }

        var report = await CreatedIdAsync(await api.PostAsJsonAsync("/api/reports", new
        {
            definition = new
            {
                entity = "opportunity", labels = new Dictionary<string, string> { ["zh-CN"] = "商机按阶段", ["en"] = "Opportunities by stage" }, display = "table",
                groups = new[] { new { field = "stage" } },
                measures = new object[] { new { name = "deals", function = "count", format = "number", label = new Dictionary<string, string> { ["zh-CN"] = "笔数", ["en"] = "Deals" } } },
            },
        }));

        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await SignInAsync(browser, host, $"/reports/{report}");
        await Assertions.Expect(page.GetByTestId("report-excel")).ToHaveAttributeAsync("data-background", "true");
        await page.GetByTestId("report-excel").ClickAsync();
        await Assertions.Expect(page.Locator(".rz-notification-item").First).ToContainTextAsync("正在后台导出报表的 3 行。");

        await page.GotoAsync($"{host.BaseUrl}/exports");
        await browser.WaitUntilInteractiveAsync();
        var row = page.GetByTestId("export-row").First;
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "completed", new() { Timeout = 60_000 });
        await Assertions.Expect(row).ToContainTextAsync("商机按阶段 (XLSX)");
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByTestId("export-download").ClickAsync());
        var sheet = SheetCells.Read((await download.PathAsync())!);
        Assert.Equal(["阶段", "笔数"], sheet[0]);
        Assert.Equal(3, sheet.Count(r => r.Length > 1 && r[1] == "1"));
    }
}
