using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.E2E;

/// <summary>A generated list page in a real browser: reached from the menu, paged, sorted and searched on the server, exported as it is shown.</summary>
public sealed class RecordListTests
{
    [SkippableFact]
    public async Task The_product_list_pages_sorts_searches_and_exports_what_it_shows_in_chinese()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", PageDriver.Samples));
        using var api = await PageDriver.AdminApiAsync(host);
        for (var i = 1; i <= 25; i++)
        {
            await PageDriver.PostAsync(api, "product", new { code = $"P-{i:D3}", name = i % 5 == 0 ? $"真丝围巾 {i}" : $"羊毛衫 {i}", price = 10m * i, unit = i % 2 == 0 ? "box" : "piece" });
        }

        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await PageDriver.SignInAsync(browser, host, "/records");
        await Assertions.Expect(page.Locator(".platform-nav")).ToContainTextAsync("数据");
        await page.GetByTestId("entity-product").ClickAsync();
        await browser.WaitUntilInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 25 条");
        await Assertions.Expect(page.GetByTestId("record-row")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator("th").Nth(1)).ToContainTextAsync("编码"); // after the selection column

        await page.GetByTestId("sort-code").ClickAsync();
        await page.GetByTestId("sort-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-row").First).ToContainTextAsync("P-025");
        await page.Locator("[data-testid=record-pager] .rz-pager-next").ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-row")).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByTestId("record-row").Last).ToContainTextAsync("P-001");

        await page.GetByTestId("record-search").FillAsync("真丝");
        await page.GetByTestId("record-search-go").ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 5 条");
        await Assertions.Expect(page.GetByTestId("record-row").First).ToContainTextAsync("P-025");
        await Assertions.Expect(page.GetByTestId("record-row").First).ToContainTextAsync("件"); // the unit, by its label
        await browser.ScreenshotAsync("record-list-zh");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!)).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("产品编码,产品名称,规格,单位", lines[0], StringComparison.Ordinal);
        Assert.Contains(",件,250,", lines[1], StringComparison.Ordinal);
        Assert.Equal(["P-025", "P-020", "P-015", "P-010", "P-005"], lines.Skip(1).Select(l => l.Split(',')[0]));
        var workbook = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", workbook.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal("PK", Encoding.ASCII.GetString((await File.ReadAllBytesAsync((await workbook.PathAsync())!))[..2]));
    }

    [SkippableFact]
    public async Task The_sample_packages_sales_menu_opens_its_lists_and_the_open_orders_view_as_a_kanban_board()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", PageDriver.Samples));
        using var api = await PageDriver.AdminApiAsync(host);
        var customer = await PageDriver.PostAsync(api, "customer", new { name = "华东贸易" });
        var product = await PageDriver.PostAsync(api, "product", new { code = "P-001", name = "羊毛衫", price = 100m });
        foreach (var status in new[] { "draft", "submitted", "completed" })
        {
            await PageDriver.PostAsync(api, "sales_order", new { customer, status, orderDate = "2026-11-20", lines = new[] { new { product, quantity = 1m } } });
        }

        await using var browser = await BrowserSession.OpenAsync("en");
        var page = browser.Page;
        await PageDriver.SignInAsync(browser, host, "/");
        var menu = page.Locator(".platform-nav");
        await Assertions.Expect(menu).ToContainTextAsync("Sales");
        await menu.GetByText("Customers").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Customers");

        // The open orders: the package's view, as a kanban board without the completed order.
        await menu.GetByText("Open orders").ClickAsync();
        await Assertions.Expect(page.GetByTestId("kanban")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("2 records");
        await Assertions.Expect(page.Locator("[data-testid=kanban-column][data-value=completed] [data-testid=kanban-count]")).ToHaveTextAsync("0");
        await browser.ScreenshotAsync("package-menu-kanban-en");
    }

    [SkippableFact]
    public async Task A_salesperson_claims_customers_from_the_public_pool_by_row_and_by_choice_and_returns_one()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", PageDriver.Samples));
        using var api = await PageDriver.AdminApiAsync(host);
        var seller = await api.PostAsJsonAsync("/api/admin/users", new { userName = "li", password = "Seller-passw0rd", displayName = "李销售", roles = new[] { "Salesperson" } });
        Assert.True(seller.IsSuccessStatusCode, await seller.Content.ReadAsStringAsync());
        foreach (var name in new[] { "公海甲", "公海乙", "公海丙" })
        {
            await PageDriver.PostAsync(api, "customer", new { name, ownerId = (string?)null, departmentId = (string?)null });
        }

        await PageDriver.PostAsync(api, "customer", new { name = "管理员的客户" });

        await using var browser = await BrowserSession.OpenAsync("zh-CN", 1400, 900);
        var page = browser.Page;
        await PageDriver.SignInAsync(browser, host, "/records/customer", "li", "Seller-passw0rd");
        var rows = page.GetByTestId("record-row");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=row-action][data-action=claim]")).ToHaveCountAsync(3); // pooled ones only

        // One by its row.
        await rows.Filter(new() { HasText = "公海甲" }).Locator("[data-testid=row-action][data-action=claim]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=row-action][data-action=claim]")).ToHaveCountAsync(2);

        // Two chosen together.
        foreach (var name in new[] { "公海乙", "公海丙" })
        {
            await rows.Filter(new() { HasText = name }).GetByTestId("select-row").CheckAsync();
        }

        await page.Locator("[data-testid=bulk-action][data-action=claim]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=row-action][data-action=claim]")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("public-pool-claimed-zh");
        var mine = (await api.GetFromJsonAsync<JsonElement>("/odata/customer?$filter=startswith(name,'公海')")).GetProperty("value").EnumerateArray()
            .Select(c => c.GetProperty("ownerId").GetString()).Distinct().ToList();
        Assert.Single(mine);
        Assert.NotNull(mine[0]);

        // Returned to the pool from its form, after the question.
        await rows.Filter(new() { HasText = "公海甲" }).ClickAsync();
        await page.Locator("[data-testid=record-action][data-action=release]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-inputs")).ToContainTextAsync("退回公海后");
        await page.GetByTestId("action-inputs-ok").ClickAsync();
        await Assertions.Expect(page.GetByTestId("action-inputs-missing")).ToContainTextAsync("退回原因"); // the reason is required
        await page.Locator("[data-testid=action-input][data-input=reason]").FillAsync("客户已转向竞争对手");
        await page.GetByTestId("action-inputs-ok").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=record-action][data-action=claim]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=record-action][data-action=release]")).ToHaveCountAsync(0);
        var returned = (await api.GetFromJsonAsync<JsonElement>("/odata/customer?$filter=name eq '公海甲'")).GetProperty("value")[0];
        Assert.Equal(JsonValueKind.Null, returned.GetProperty("ownerId").ValueKind);
        Assert.Equal("[li] 客户已转向竞争对手", returned.GetProperty("notes").GetString());
    }

    [SkippableFact]
    public async Task A_list_too_long_to_download_at_once_is_exported_in_the_background_and_fetched_from_my_exports()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", PageDriver.Samples), ("Platform__Exports__DirectRows", "10"));
        using var api = await PageDriver.AdminApiAsync(host);
        for (var i = 1; i <= 25; i++)
        {
            await PageDriver.PostAsync(api, "product", new { code = $"P-{i:D3}", name = $"羊毛衫 {i}", price = 10m * i, unit = "piece" });
        }

        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await PageDriver.SignInAsync(browser, host, "/records/product");
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 25 条");

        // Ten rows download at once; twenty-five go to the background, and the person is told so.
        await Assertions.Expect(page.GetByTestId("export-xlsx")).ToHaveAttributeAsync("data-background", "true");
        await page.GetByTestId("export-xlsx").ClickAsync();
        await Assertions.Expect(page.Locator(".rz-notification-item").First).ToContainTextAsync("正在后台导出 25 条记录。");

        // My exports (from the menu): the file is ready, the bell says so, and the download is the list.
        await page.Locator(".platform-nav a[href='/exports'], .platform-nav a[href='exports']").First.ClickAsync();
        var row = page.GetByTestId("export-row").First;
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "completed", new() { Timeout = 60_000 });
        await Assertions.Expect(row.GetByTestId("export-state")).ToHaveTextAsync("已就绪：25 行");
        await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveTextAsync("1", new() { Timeout = 30_000 }); // the bell looks every 20 s
        await browser.ScreenshotAsync("my-exports-zh");
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByTestId("export-download").ClickAsync());
        Assert.StartsWith("产品-", download.SuggestedFilename, StringComparison.Ordinal);
        var sheet = SheetCells.Read((await download.PathAsync())!);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => $"P-{i:D3}"), sheet.Skip(1).Select(r => r[0]).Order());
        await page.GetByTestId("bell").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=bell-item][data-kind=export]")).ToContainTextAsync("您的导出“产品”已完成：共 25 行。");

        // The same page in English.
        await page.Locator("[data-culture=en]").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("export-row").First.GetByTestId("export-state")).ToHaveTextAsync("Ready: 25 rows");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My exports");
    }
}
