using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// The report builder as a sales manager uses it (zh-CN): a pivot of the team's opportunities by stage and salesperson, built
/// with its answer drawn beside it, counting only what the manager may read; saved, exported to .xlsx and drilled into; a bar
/// chart built the same way; both put on a dashboard of the manager's own, arranged there by dragging, with the team's
/// opportunities as a list and the manager's tasks beside them.
/// </summary>
public sealed class ReportBuilderTests
{
    private const string Password = "Sales-passw0rd";

    private static string Crm => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "crm");

    [SkippableFact]
    public async Task A_manager_builds_a_pivot_and_a_bar_chart_drills_into_a_cell_exports_the_pivot_and_arranges_both_on_a_dashboard()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Crm));
        using var admin = await AdminApiAsync(host);
        var team = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/admin/departments", new { name = "华东销售部", code = "EAST" }));
        var manager = await CreatedIdAsync(await admin.PostAsJsonAsync("/api/admin/users", new { userName = "zhou", password = Password, displayName = "周经理", departmentId = team, roles = new[] { "CRM sales manager" } }));
        Assert.True((await admin.PatchAsJsonAsync($"/api/admin/departments/{team}", new { managerId = manager })).IsSuccessStatusCode);
        foreach (var (user, name, deals) in new[]
        {
            ("li", "李娜", new[] { ("液压改造", "initial", 100m), ("港口吊机维保", "won", 1000m) }),
            ("wang", "王强", new[] { ("备件包", "won", 500m) }),
        })
        {
            await CreatedIdAsync(await admin.PostAsJsonAsync("/api/admin/users", new { userName = user, password = Password, displayName = name, departmentId = team, roles = new[] { "CRM salesperson" } }));
            using var seller = await ApiAsAsync(host, user, Password);
            var customer = await PostAsync(seller, "customer", new { name = $"{name}的客户" });
            foreach (var (deal, stage, amount) in deals)
            {
                await PostAsync(seller, "opportunity", new { name = deal, customer, stage, amount, expectedCloseOn = "2026-11-20" });
            }
        }

        // Someone outside the team: the manager's reports never count it.
        var outsider = await PostAsync(admin, "customer", new { name = "总部大客户" });
        await PostAsync(admin, "opportunity", new { name = "总部项目", customer = outsider, stage = "won", amount = 7000m, expectedCloseOn = "2026-11-20" });

        await using var browser = await BrowserSession.OpenAsync("zh-CN", 1400, 900);
        var page = browser.Page;
        await SignInAsync(browser, host, "/reports", "zh-CN", "zhou", Password);

        // The pivot: stages down, salespeople across, records and amount in each cell — the answer follows every choice.
        await page.GetByTestId("report-new").ClickAsync();
        await browser.WaitUntilInteractiveAsync();
        await TypeAsync(page, "builder-title-zh", "团队商机透视");
        await TypeAsync(page, "builder-title-en", "Team pipeline");
        await ChooseAsync(page, "builder-entity", "商机");
        await Assertions.Expect(page.GetByTestId("builder-preview")).ToHaveAttributeAsync("data-entity", "opportunity");
        await page.GetByTestId("builder-display").GetByText("透视表").ClickAsync();
        await page.GetByTestId("builder-rows-add").ClickAsync();
        await ChooseAsync(page, "builder-rows-field-0", "阶段");
        await page.GetByTestId("builder-columns-add").ClickAsync();
        await ChooseAsync(page, "builder-columns-field-0", "负责人");
        await page.GetByTestId("measure-add").ClickAsync();
        await ChooseAsync(page, "measure-function-1", "求和");
        await ChooseAsync(page, "measure-field-1", "预计金额");
        await ChooseAsync(page, "measure-format-1", "金额");
        var preview = page.GetByTestId("builder-preview");
        await Assertions.Expect(preview.GetByTestId("pivot-column")).ToHaveCountAsync(2);
        await Assertions.Expect(preview.GetByTestId("pivot-grand-total")).ToHaveTextAsync(["3", "1,600.00"]); // 7,000 of headquarters not among them
        await Assertions.Expect(preview.GetByTestId("pivot-row")).ToHaveCountAsync(2); // 初步接洽, 赢单
        await Assertions.Expect(Input(page, "measure-label-1")).ToHaveValueAsync("预计金额合计");
        await browser.ScreenshotAsync("report-builder-pivot-zh");
        await page.GetByTestId("builder-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reports/[0-9a-f-]{36}$"));
        var pivotUrl = page.Url;
        await Assertions.Expect(page.GetByTestId("report-title")).ToHaveTextAsync("团队商机透视");
        var won = page.GetByTestId("pivot-row").Filter(new() { HasText = "赢单" });
        await Assertions.Expect(won.GetByTestId("pivot-row-total")).ToHaveTextAsync(["2", "1,500.00"]);

        // The workbook holds the page's numbers, as numbers.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-excel").ClickAsync());
        var sheet = SheetCells.Read((await download.PathAsync())!);
        Assert.Equal("阶段", sheet[0][0]);
        Assert.Contains("李娜 · 记录数", sheet[0]);
        Assert.Contains("王强 · 预计金额合计", sheet[0]);
        Assert.Equal(["2", "1500"], sheet.Single(r => r[0] == "赢单")[^2..]);
        Assert.Equal(["3", "1600"], sheet[^1][^2..]);
        var liColumn = Array.IndexOf(sheet[0], "李娜 · 预计金额合计");
        Assert.Equal("1000", sheet.Single(r => r[0] == "赢单")[liColumn]);

        // A cell opens the records behind it: the one deal 李娜 won.
        var liCell = won.GetByTestId("pivot-cell").Nth((liColumn - 1) / 2 * 2);
        await liCell.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/opportunity\\?filter="));
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 1 条");
        await Assertions.Expect(page.GetByTestId("record-row")).ToContainTextAsync("港口吊机维保");

        // The bar chart: amount by stage.
        await page.GotoAsync($"{host.BaseUrl}/reports/new");
        await browser.WaitUntilInteractiveAsync();
        await TypeAsync(page, "builder-title-zh", "各阶段金额");
        await ChooseAsync(page, "builder-entity", "商机");
        await Assertions.Expect(page.GetByTestId("builder-preview")).ToHaveAttributeAsync("data-entity", "opportunity");
        await page.GetByTestId("builder-display").GetByText("图表").ClickAsync();
        await Assertions.Expect(page.GetByTestId("builder-chart")).ToContainTextAsync("柱状图");
        await page.GetByTestId("builder-rows-add").ClickAsync();
        await ChooseAsync(page, "builder-rows-field-0", "阶段");
        await ChooseAsync(page, "measure-function-0", "求和");
        await ChooseAsync(page, "measure-field-0", "预计金额");
        var chart = preview.Locator("[data-testid=report-chart][data-chart=bar]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-chart-ready", "true");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", "2"); // two stages, one measure
        await browser.ScreenshotAsync("report-builder-chart-zh");
        await page.GetByTestId("builder-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-title")).ToHaveTextAsync("各阶段金额");
        var chartUrl = page.Url;

        // A bar opens its records: the taller one, 赢单, on the right half of the chart, filled from the axis to near the top.
        var drawn = page.Locator("[data-testid=report-chart][data-chart-ready=true]");
        await Assertions.Expect(drawn).ToHaveAttributeAsync("data-points", "2");
        await page.WaitForTimeoutAsync(1500); // the bars grow in for a second
        var box = (await drawn.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (box.Width * 0.74f), box.Y + (box.Height * 0.6f));
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/opportunity\\?filter="));
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 2 条");
        await page.GotoAsync(chartUrl);
        await browser.WaitUntilInteractiveAsync();

        // Both on a dashboard of the manager's own: the chart first, on a new one; the pivot then, under it.
        await page.GetByTestId("report-add-to-dashboard").ClickAsync();
        await ChooseAsync(page, "add-to-dashboard-choice", "新建我的仪表盘");
        await TypeAsync(page, "add-to-dashboard-title", "我的团队看板");
        await page.GetByTestId("add-to-dashboard-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-title")).ToHaveTextAsync("我的团队看板");
        var dashboardUrl = page.Url;
        await page.GotoAsync(pivotUrl);
        await browser.WaitUntilInteractiveAsync();
        await page.GetByTestId("report-add-to-dashboard").ClickAsync();
        await Assertions.Expect(page.GetByTestId("add-to-dashboard-choice")).ToContainTextAsync("我的团队看板");
        await page.GetByTestId("add-to-dashboard-add").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(dashboardUrl);
        await Assertions.Expect(page.GetByTestId("dashboard-widget")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("widget-title")).ToHaveTextAsync(["各阶段金额", "团队商机透视"]);
        await Assertions.Expect(page.Locator("[data-testid=dashboard-widget] [data-testid=report-chart][data-chart-ready=true]")).ToHaveCountAsync(1);

        // Arranged by dragging: the pivot onto the chart trades their places; the chart dropped on the empty cells beside the
        // pivot goes up there; the pivot made a row taller.
        await page.GetByTestId("dashboard-arrange").ClickAsync();
        var widgets = page.GetByTestId("arrange-widget");
        await Assertions.Expect(widgets).ToHaveCountAsync(2);
        var pivotWidget = widgets.Filter(new() { HasText = "团队商机透视" });
        var chartWidget = widgets.Filter(new() { HasText = "各阶段金额" });
        await Assertions.Expect(chartWidget).ToHaveAttributeAsync("data-y", "0");
        await Assertions.Expect(pivotWidget).ToHaveAttributeAsync("data-y", "3");
        await pivotWidget.DragToAsync(chartWidget);
        await Assertions.Expect(pivotWidget).ToHaveAttributeAsync("data-y", "0");
        await Assertions.Expect(chartWidget).ToHaveAttributeAsync("data-y", "3");
        await chartWidget.DragToAsync(page.GetByTestId("arrange-cell-6-0"));
        await Assertions.Expect(chartWidget).ToHaveAttributeAsync("data-x", "6");
        await Assertions.Expect(chartWidget).ToHaveAttributeAsync("data-y", "0");
        await pivotWidget.GetByTestId("arrange-taller").ClickAsync();
        await Assertions.Expect(pivotWidget).ToHaveAttributeAsync("data-h", "4");
        // Beside the reports: the team's opportunities as a list, and the manager's tasks.
        await ChooseAsync(page, "arrange-list-entity", "商机");
        await page.GetByTestId("arrange-add-list").ClickAsync();
        await page.GetByTestId("arrange-add-tasks").ClickAsync();
        await Assertions.Expect(widgets).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=arrange-widget][data-kind=list]")).ToHaveAttributeAsync("data-y", "4");
        await browser.ScreenshotAsync("report-dashboard-arrange-zh");
        await page.GetByTestId("arrange-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-widget")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("widget-title")).ToHaveTextAsync(["团队商机透视", "各阶段金额", "商机", "我的待办"]);
        await Assertions.Expect(page.GetByTestId("dashboard-list-row")).ToHaveCountAsync(3); // the team's three, not headquarters'
        await Assertions.Expect(page.GetByTestId("dashboard-list-count")).ToHaveTextAsync("共 3 条");
        await Assertions.Expect(page.GetByTestId("dashboard-tasks-empty")).ToBeVisibleAsync();

        // Kept: read back as the manager, after a reload.
        using var zhou = await ApiAsAsync(host, "zhou", Password);
        var saved = await zhou.GetFromJsonAsync<JsonElement>($"/api/dashboards/{dashboardUrl[(dashboardUrl.LastIndexOf('/') + 1)..]}");
        var placed = saved.GetProperty("definition").GetProperty("widgets").EnumerateArray()
            .Select(w => (w.GetProperty("x").GetInt32(), w.GetProperty("y").GetInt32(), w.GetProperty("w").GetInt32(), w.GetProperty("h").GetInt32())).ToList();
        Assert.Equal([(0, 0, 6, 4), (6, 0, 6, 3), (0, 4, 6, 2), (0, 6, 4, 2)], placed); // each added under the rest
        await page.ReloadAsync();
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("widget-title")).ToHaveTextAsync(["团队商机透视", "各阶段金额", "商机", "我的待办"]);
        await browser.ScreenshotAsync("report-dashboard-mine-zh");

        // In English the builder reads in English, the saved pivot under its English title.
        await using var english = await BrowserSession.OpenAsync("en", 1400, 900);
        await SignInAsync(english, host, pivotUrl.Replace(host.BaseUrl, "", StringComparison.Ordinal) + "/edit", "en", "zhou", Password);
        await Assertions.Expect(english.Page.GetByRole(AriaRole.Heading, new() { Name = "Edit report" })).ToBeVisibleAsync();
        await Assertions.Expect(english.Page.GetByTestId("builder-display")).ToContainTextAsync("Pivot");
        await Assertions.Expect(english.Page.GetByTestId("builder-preview")).ToContainTextAsync("Team pipeline");
        await Assertions.Expect(english.Page.GetByTestId("builder-preview").GetByTestId("pivot-row").Filter(new() { HasText = "Won" })).ToHaveCountAsync(1);
        await english.ScreenshotAsync("report-builder-pivot-en");

        // The admin sees neither the manager's own reports nor their dashboard.
        var adminReports = await admin.GetFromJsonAsync<JsonElement>("/api/reports");
        Assert.Equal(13, adminReports.GetArrayLength()); // the CRM's
        Assert.DoesNotContain(adminReports.EnumerateArray(), r => r.GetProperty("mine").GetBoolean());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync(chartUrl.Replace("/reports/", "/api/reports/", StringComparison.Ordinal))).StatusCode);
    }
}
