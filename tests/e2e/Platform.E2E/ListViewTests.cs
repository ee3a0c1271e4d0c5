using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// A list's views in a real browser: conditions built in the filter builder, sorting, choosing
/// columns, saving the view and opening it again, status colours, the kanban board with a card
/// dragged to another status, and a bulk delete.
/// </summary>
public sealed class ListViewTests
{
    [SkippableFact]
    public async Task Orders_are_filtered_sorted_saved_as_a_view_shown_as_a_kanban_board_and_deleted_in_bulk()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", PageDriver.Samples));
        using var api = await AdminApiAsync(host);
        var customer = await PostAsync(api, "customer", new { name = "华东贸易" });
        var product = await PostAsync(api, "product", new { code = "P-001", name = "羊毛衫", price = 100m });
        string[] statuses = ["draft", "draft", "draft", "submitted", "submitted", "approved"];
        for (var i = 0; i < statuses.Length; i++)
        {
            await PostAsync(api, "sales_order", new { customer, status = statuses[i], orderDate = $"2026-11-{10 + i}", lines = new[] { new { product, quantity = i + 1m } } });
        }

        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await SignInAsync(browser, host, "/records/sales_order");
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 6 条");

        // Filter: total at least 300 → the orders of 3 to 6 pieces.
        await page.GetByTestId("filter-open").ClickAsync();
        await page.GetByTestId("filter-add").ClickAsync();
        await ChooseAsync(page, "filter-field-0", "订单金额");
        await ChooseAsync(page, "filter-op-0", "大于等于");
        await TypeAsync(page, "filter-value-0", "300");
        await page.GetByTestId("filter-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 4 条");

        // Sort by total, largest first; show the delivery date column, hide the notes.
        await page.GetByTestId("sort-total").ClickAsync();
        await page.GetByTestId("sort-total").ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-row").First).ToContainTextAsync("600.00");
        await page.GetByTestId("columns-open").ClickAsync();
        await page.Locator("[data-testid=column-notes]").ClickAsync();
        await Assertions.Expect(page.Locator("thead")).Not.ToContainTextAsync("备注");

        // Colour the rows by status.
        await ChooseAsync(page, "colour-by", "按状态着色");
        await Assertions.Expect(page.GetByTestId("record-row").First).ToHaveAttributeAsync("data-colour", "#2e7d32");

        // Save the view, leave it, open it again.
        await page.GetByTestId("view-save-open").ClickAsync();
        await page.GetByTestId("view-name").FillAsync("大单");
        await page.GetByTestId("view-save").ClickAsync();
        await Assertions.Expect(page.Locator(".rz-notification")).ToContainTextAsync("视图“大单”已保存。"); // saved before the page is left
        await page.GotoAsync(host.BaseUrl + "/records/sales_order");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 6 条");
        await ChooseAsync(page, "view-picker", "大单");
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 4 条");
        await Assertions.Expect(page.GetByTestId("record-row").First).ToContainTextAsync("600.00");
        await Assertions.Expect(page.Locator("thead")).Not.ToContainTextAsync("备注");
        await browser.ScreenshotAsync("list-view-zh");

        // Kanban by status: drag a draft to submitted.
        await page.GetByTestId("layout-toggle").ClickAsync();
        var draft = page.Locator("[data-testid=kanban-column][data-value=draft]");
        var submitted = page.Locator("[data-testid=kanban-column][data-value=submitted]");
        await Assertions.Expect(draft.GetByTestId("kanban-count")).ToHaveTextAsync("1"); // the view's filter holds: only the 300.00 draft
        await Assertions.Expect(submitted.GetByTestId("kanban-count")).ToHaveTextAsync("2");
        await draft.GetByTestId("kanban-card").First.DragToAsync(submitted);
        await Assertions.Expect(submitted.GetByTestId("kanban-count")).ToHaveTextAsync("3");
        await Assertions.Expect(draft.GetByTestId("kanban-count")).ToHaveTextAsync("0"); // the empty column stays, to drop cards back
        await browser.ScreenshotAsync("list-kanban-zh");
        var submittedNow = await api.GetFromJsonAsync<JsonElement>("/odata/sales_order?$filter=status eq 'submitted'&$count=true");
        Assert.Equal(3, submittedNow.GetProperty("@odata.count").GetInt32());

        // Back to the list: select two orders and delete them.
        await page.GetByTestId("layout-toggle").ClickAsync();
        await page.GetByTestId("select-row").Nth(0).CheckAsync();
        await Assertions.Expect(page.GetByTestId("bulk-count")).ToHaveTextAsync("已选 1 条"); // the bar re-renders the rows: let it settle first
        await page.GetByTestId("select-row").Nth(1).CheckAsync();
        await Assertions.Expect(page.GetByTestId("bulk-count")).ToHaveTextAsync("已选 2 条");
        await page.GetByTestId("bulk-delete").ClickAsync();
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 2 条");
        var left = await api.GetFromJsonAsync<JsonElement>("/odata/sales_order?$count=true");
        Assert.Equal(4, left.GetProperty("@odata.count").GetInt32());
    }
}
