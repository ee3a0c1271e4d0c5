using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// The inventory package in the browser, one host for the class: the storekeeper (zh-CN) submits a purchase receipt from its form —
/// it turns read-only and the stock is there — and is told why a delivery of more than is in stock cannot be submitted; the manager
/// (en) cancels the receipt and is offered to amend it. The manager's sales order is delivered from its 生成出库单 button, shows
/// what went out, and is closed on its form once submitted; below its reorder level, the item is suggested for reordering (en).
/// </summary>
public sealed class InventoryWalkTests(InventoryWalkTests.InventoryHost inventory) : IClassFixture<InventoryWalkTests.InventoryHost>
{
    private const string Password = "Stock-Walk-2026!x";

    private static string Inventory => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "inventory");

    /// <summary>The host with the inventory package, the storekeeper xu and the manager chen; each test keeps to its own items and warehouses.</summary>
    public sealed class InventoryHost : IAsyncLifetime
    {
        public HostProcess? Host { get; private set; }

        public HttpClient? Api { get; private set; }

        public async Task InitializeAsync()
        {
            if (BrowserSession.ChromiumPath is null)
            {
                return; // each test skips with the reason
            }

            Host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Inventory));
            Api = await AdminApiAsync(Host);
            foreach (var (user, name, role) in new[] { ("xu", "徐仓管", "Storekeeper"), ("chen", "Chen", "Inventory manager"), ("li", "Li", "Purchaser"), ("wang", "王出纳", "Cashier") })
            {
                await CreatedIdAsync(await Api.PostAsJsonAsync("/api/admin/users", new { userName = user, password = Password, displayName = name, roles = new[] { role } }));
            }
        }

        public async Task DisposeAsync()
        {
            Api?.Dispose();
            if (Host is not null)
            {
                await Host.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task A_storekeeper_submits_a_receipt_from_its_form_is_refused_an_oversized_delivery_and_the_manager_cancels_in_english()
    {
        BrowserSession.SkipUnlessAvailable();
        var (host, api) = (inventory.Host!, inventory.Api!);
        var warehouse = await PostAsync(api, "warehouse", new { code = "SH-01", name = "上海总仓" });
        var item = await PostAsync(api, "item", new { code = "6204", name = "深沟球轴承 6204", stockUnit = "个", valuation = "fifo" });
        var supplier = await PostAsync(api, "supplier", new { code = "NB-01", name = "宁波轴承厂" });
        using var xu = await ApiAsAsync(host, "xu", Password);
        var receipt = await PostAsync(xu, "purchase_receipt", new { supplier, warehouse, lines = new[] { new { item, quantity = 40m, rate = 5.5m } } });
        var delivery = await PostAsync(xu, "delivery_note", new { customer = "杭州机电", warehouse, lines = new[] { new { item, quantity = 50m } } });

        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await SignInAsync(browser, host, $"/records/purchase_receipt/{receipt}", "xu", Password);
        var submit = page.Locator("[data-testid=document-step][data-step=submit]");
        await Assertions.Expect(submit).ToContainTextAsync("提交");
        await submit.ClickAsync();
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-held")).ToContainTextAsync("单据已提交");
        await Assertions.Expect(page.Locator("[data-testid=document-step]")).ToHaveCountAsync(0); // cancelling is the manager's
        var balance = await api.GetFromJsonAsync<JsonElement>("/api/inventory/balance?item=6204&warehouse=SH-01");
        Assert.Equal((40m, 220m), (balance.GetProperty("quantity").GetDecimal(), balance.GetProperty("value").GetDecimal()));

        // 库存余额: the item in the warehouse, and its ledger when chosen.
        await page.GotoAsync($"{host.BaseUrl}/inventory/stock");
        await browser.WaitUntilInteractiveAsync();
        // The class's other test keeps stock too: this item's row.
        await Assertions.Expect(page.GetByTestId("stock-grid").Locator("tr", new() { HasText = "深沟球轴承 6204" }).GetByTestId("stock-value")).ToHaveTextAsync("220.00");
        await page.GetByTestId("stock-grid").GetByText("深沟球轴承 6204").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ledger-document")).ToContainTextAsync("RK-");
        await Assertions.Expect(page.GetByTestId("ledger-balance")).ToHaveTextAsync("40");
        await browser.ScreenshotAsync("inventory-stock-on-hand");

        // 收发存汇总: this month, the 40 received are in and at the end; by item, the item's warehouses summed.
        await page.GotoAsync($"{host.BaseUrl}/inventory/summary");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("收发存汇总");
        var summary = page.GetByTestId("summary-grid").Locator("tr", new() { HasText = "深沟球轴承 6204" });
        await Assertions.Expect(summary.GetByTestId("summary-inQuantity")).ToHaveTextAsync("40");
        await Assertions.Expect(summary.GetByTestId("summary-closingValue")).ToHaveTextAsync("220.00");
        await page.GetByTestId("summary-by").ClickAsync();
        await page.Locator(".rz-dropdown-item", new() { HasText = "按仓库" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("summary-grid").Locator("tr", new() { HasText = "上海总仓" }).GetByTestId("summary-closingValue")).ToHaveTextAsync("220.00");
        await browser.ScreenshotAsync("inventory-summary-zh");

        await page.GotoAsync($"{host.BaseUrl}/records/delivery_note/{delivery}");
        await browser.WaitUntilInteractiveAsync();
        await page.Locator("[data-testid=document-step][data-step=submit]").ClickAsync();
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("document-step-refused")).ToContainTextAsync("仓库 SH-01 中物料 6204 只有 40，需要 50");
        await Assertions.Expect(page.Locator("[data-testid=tab-related]")).ToHaveCountAsync(0); // no amendments yet: no tab for them
        await browser.ScreenshotAsync("inventory-delivery-refused");

        await using var english = await BrowserSession.OpenAsync("en");
        await SignInAsync(english, host, $"/records/purchase_receipt/{receipt}", "en", "chen", Password);
        var cancel = english.Page.Locator("[data-testid=document-step][data-step=cancel]");
        await Assertions.Expect(cancel).ToContainTextAsync("Cancel");
        await cancel.ClickAsync();
        await english.Page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await Assertions.Expect(english.Page.Locator("[data-testid=document-step][data-step=amend]")).ToBeVisibleAsync();
        await english.ScreenshotAsync("inventory-receipt-cancelled-en");
        balance = await api.GetFromJsonAsync<JsonElement>("/api/inventory/balance?item=6204&warehouse=SH-01");
        Assert.Equal(0m, balance.GetProperty("quantity").GetDecimal());
    }

    [SkippableFact]
    public async Task A_sales_order_is_delivered_from_its_button_shows_what_went_out_and_is_closed_on_its_form()
    {
        BrowserSession.SkipUnlessAvailable();
        var (host, api) = (inventory.Host!, inventory.Api!);
        var warehouse = await PostAsync(api, "warehouse", new { code = "HZ-01", name = "杭州仓" });
        var supplier = await PostAsync(api, "supplier", new { code = "WX-01", name = "无锡轴承厂" });
        var item = await PostAsync(api, "item", new
        {
            code = "6305", name = "深沟球轴承 6305", stockUnit = "个", valuation = "movingAverage",
            reorderLevels = new[] { new { warehouse, level = 100m, quantity = 50m, supplier } },
        });
        using var chen = await ApiAsAsync(host, "chen", Password);
        var receipt = await PostAsync(chen, "purchase_receipt", new { supplier, warehouse, lines = new[] { new { item, quantity = 100m, rate = 12m } } });
        await StepAsync(chen, "purchase_receipt", receipt, "submit");
        var order = await PostAsync(chen, "customer_order", new { customer = "杭州机电", warehouse, lines = new[] { new { item, quantity = 30m, rate = 20m } } });

        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await SignInAsync(browser, host, $"/records/customer_order/{order}", "chen", Password);
        await page.Locator("[data-testid=document-step][data-step=submit]").ClickAsync();
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-status")).ToContainTextAsync("待出库和开票");

        // 生成出库单 drafts a delivery note of what is still to deliver and opens it; submitting it delivers the order.
        var make = page.Locator("[data-testid=record-action][data-action=toDelivery]");
        await Assertions.Expect(make).ToContainTextAsync("生成出库单");
        await make.ClickAsync();
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await page.WaitForURLAsync("**/records/delivery_note/**");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("line")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=document-step][data-step=submit]").ClickAsync();
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-held")).ToContainTextAsync("单据已提交");

        await page.GotoAsync($"{host.BaseUrl}/records/customer_order/{order}");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(Input(page, "field-percentDelivered")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^100"));
        await Assertions.Expect(page.GetByTestId("field-status")).ToContainTextAsync("待开票");
        await Assertions.Expect(page.GetByTestId("record-held-editable")).ToContainTextAsync("已关闭");
        await browser.ScreenshotAsync("inventory-order-delivered");

        // Submitted, the order still takes what may change after submission: closed, then saved.
        await page.GetByTestId("field-closed").Locator(".rz-chkbox-box").ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-unsaved")).ToBeVisibleAsync();
        await page.GetByTestId("record-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-unsaved")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("field-status")).ToContainTextAsync("已关闭");
        var saved = await api.GetFromJsonAsync<JsonElement>($"/odata/customer_order({order})");
        Assert.Equal(("closed", true), (saved.GetProperty("status").GetString(), saved.GetProperty("closed").GetBoolean()));
        var balance = await api.GetFromJsonAsync<JsonElement>("/api/inventory/balance?item=6305&warehouse=HZ-01");
        Assert.Equal(70m, balance.GetProperty("quantity").GetDecimal());

        // Reorder, in English: 70 left is below the item's level of 100 in this warehouse, so the least to order, 50, is suggested.
        await using var english = await BrowserSession.OpenAsync("en");
        await SignInAsync(english, host, "/inventory/reorder", "en", "chen", Password);
        await Assertions.Expect(english.Page.Locator("h1")).ToHaveTextAsync("Reorder");
        var row = english.Page.GetByTestId("reorder-grid").Locator("tr", new() { HasText = "6305" });
        await Assertions.Expect(row).ToContainTextAsync("无锡轴承厂");
        await Assertions.Expect(row.GetByTestId("reorder-quantity")).ToHaveTextAsync("50");
        await english.ScreenshotAsync("inventory-reorder-en");
    }

    [SkippableFact]
    public async Task A_purchaser_accepts_the_cheaper_quotation_in_english_and_the_cashier_pays_the_order_in_advance_in_chinese()
    {
        BrowserSession.SkipUnlessAvailable();
        var (host, api) = (inventory.Host!, inventory.Api!);
        var warehouse = await PostAsync(api, "warehouse", new { code = "NJ-01", name = "南京仓" });
        var item = await PostAsync(api, "item", new { code = "6206", name = "深沟球轴承 6206", stockUnit = "个", valuation = "fifo" });
        var (cheap, dear) = (await PostAsync(api, "supplier", new { code = "CZ-01", name = "常州轴承厂" }), await PostAsync(api, "supplier", new { code = "YZ-01", name = "扬州轴承厂" }));
        using var li = await ApiAsAsync(host, "li", Password);
        var rfq = await PostAsync(li, "rfq", new { warehouse, suppliers = new[] { new { supplier = cheap }, new { supplier = dear } }, lines = new[] { new { item, quantity = 200m } } });
        await StepAsync(li, "rfq", rfq, "submit");
        using (var made = await li.PostAsJsonAsync($"/api/records/rfq/{rfq}/actions/toQuotations", new { }))
        {
            Assert.True(made.IsSuccessStatusCode, await made.Content.ReadAsStringAsync());
        }

        string? chosen = null;
        foreach (var quotation in (await li.GetFromJsonAsync<JsonElement>($"/odata/supplier_quotation?$filter=rfq eq {rfq}&$expand=lines")).GetProperty("value").EnumerateArray())
        {
            var (id, supplier) = (quotation.GetProperty("id").GetString()!, quotation.GetProperty("supplier").GetString());
            var line = quotation.GetProperty("lines")[0].GetProperty("id").GetString();
            using var quote = new HttpRequestMessage(HttpMethod.Patch, $"/odata/supplier_quotation({id})") { Content = JsonContent.Create(new { lines = new[] { new { id = line, rate = supplier == cheap ? 4.5m : 5m } } }) };
            using (var quoted = await li.SendAsync(quote))
            {
                Assert.True(quoted.IsSuccessStatusCode, await quoted.Content.ReadAsStringAsync());
            }

            await StepAsync(li, "supplier_quotation", id, "submit");
            chosen = supplier == cheap ? id : chosen;
        }

        // The purchaser, in English: Accept on the cheaper quotation opens the draft order at its rate; submitted, it is ordered.
        await using var english = await BrowserSession.OpenAsync("en");
        var page = english.Page;
        await SignInAsync(english, host, $"/records/supplier_quotation/{chosen}", "en", "li", Password);
        await Assertions.Expect(page.GetByTestId("field-status")).ToContainTextAsync("Quoted");
        var accept = page.Locator("[data-testid=record-action][data-action=accept]");
        await Assertions.Expect(accept).ToContainTextAsync("Accept");
        await accept.ClickAsync();
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await page.WaitForURLAsync("**/records/purchase_order/**");
        await english.WaitUntilInteractiveAsync();
        await Assertions.Expect(Input(page, "line-0-rate")).ToHaveValueAsync("4.50");
        await page.Locator("[data-testid=document-step][data-step=submit]").ClickAsync();
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-held")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("field-status")).ToContainTextAsync("To receive");
        await english.ScreenshotAsync("inventory-quotation-ordered-en");
        var order = page.Url.Split('/')[^1];
        var quotationNow = await api.GetFromJsonAsync<JsonElement>($"/odata/supplier_quotation({chosen})");
        Assert.Equal("ordered", quotationNow.GetProperty("status").GetString());

        // The cashier, in Chinese: 付款 on the order makes a payment of what is outstanding; submitted, the order shows it paid.
        await using var chinese = await BrowserSession.OpenAsync("zh-CN");
        await SignInAsync(chinese, host, $"/records/purchase_order/{order}", "wang", Password);
        var pay = chinese.Page.Locator("[data-testid=record-action][data-action=toPayment]");
        await Assertions.Expect(pay).ToContainTextAsync("付款");
        await pay.ClickAsync();
        await chinese.Page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await chinese.Page.WaitForURLAsync("**/records/payment_entry/**");
        await chinese.WaitUntilInteractiveAsync();
        await Assertions.Expect(Input(chinese.Page, "field-amount")).ToHaveValueAsync("900.00");
        await Assertions.Expect(Input(chinese.Page, "field-party")).ToHaveValueAsync("常州轴承厂");
        await chinese.Page.Locator("[data-testid=document-step][data-step=submit]").ClickAsync();
        await chinese.Page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await Assertions.Expect(chinese.Page.GetByTestId("record-held")).ToContainTextAsync("单据已提交");
        await chinese.Page.GotoAsync($"{host.BaseUrl}/records/purchase_order/{order}");
        await chinese.WaitUntilInteractiveAsync();
        await Assertions.Expect(Input(chinese.Page, "field-advancePaid")).ToHaveValueAsync("900.00");
        await Assertions.Expect(chinese.Page.GetByTestId("field-outstanding")).ToHaveTextAsync("0.00");
        await Assertions.Expect(chinese.Page.Locator("[data-testid=record-action][data-action=toPayment]")).ToHaveCountAsync(0); // nothing left to pay
        await chinese.ScreenshotAsync("inventory-order-paid-zh");
    }

    private static async Task StepAsync(HttpClient api, string entity, string id, string step)
    {
        var version = (await api.GetFromJsonAsync<JsonElement>($"/odata/{entity}({id})")).GetProperty("rowVersion").GetInt32();
        using var response = await api.PostAsJsonAsync($"/api/records/{entity}/{id}/{step}", new { version });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
