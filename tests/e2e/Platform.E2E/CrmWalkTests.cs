using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// The CRM package as a salesperson meets it in the browser (zh-CN): claims a customer from the public pool, converts a lead,
/// adds a quote of three lines from the customer's page — tax to the cent as she types — and turns it into an order that her
/// manager then finds among his team's orders and approves; a change request after approval changes a line of the order.
/// </summary>
public sealed class CrmWalkTests
{
    private const string Password = "Crm-Walk-2026!x";

    private static string Crm => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "crm");

    /// <summary>A sales department whose manager is 周经理 (zhou), with 李娜 (li) and the others named as salespeople: the ids by user name.</summary>
    private static async Task<Dictionary<string, string>> TeamAsync(HttpClient api, string department, string code, params (string User, string Name)[] salespeople)
    {
        var team = await CreatedIdAsync(await api.PostAsJsonAsync("/api/admin/departments", new { name = department, code }));
        var ids = new Dictionary<string, string>
        {
            ["team"] = team,
            ["zhou"] = await CreatedIdAsync(await api.PostAsJsonAsync("/api/admin/users", new { userName = "zhou", password = Password, displayName = "周经理", departmentId = team, roles = new[] { "CRM sales manager" } })),
        };
        foreach (var (user, name) in salespeople.Prepend(("li", "李娜")))
        {
            ids[user] = await CreatedIdAsync(await api.PostAsJsonAsync("/api/admin/users", new { userName = user, password = Password, displayName = name, departmentId = team, roles = new[] { "CRM salesperson" } }));
        }

        Assert.True((await api.PatchAsJsonAsync($"/api/admin/departments/{team}", new { managerId = ids["zhou"] })).IsSuccessStatusCode);
        return ids;
    }

    [SkippableFact]
    public async Task A_salesperson_claims_from_the_pool_converts_a_lead_turns_a_three_line_quote_into_an_order_her_manager_approves_and_changes_it_by_a_change_request()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Crm));
        using var api = await AdminApiAsync(host);
        var people = await TeamAsync(api, "销售一部", "S1");
        var (team, li) = (people["team"], people["li"]);
        foreach (var (code, name, price) in new[] { ("P-01", "液压泵", 1234.57m), ("P-02", "密封圈", 0.83m), ("P-03", "安装服务", 99.99m) })
        {
            await PostAsync(api, "product", new { code, name, price });
        }

        var pooled = await PostAsync(api, "customer", new { name = "台州模具有限公司", grade = "normal" });
        Assert.True((await api.PatchAsJsonAsync($"/odata/customer({pooled})", new { ownerId = (string?)null, departmentId = (string?)null })).IsSuccessStatusCode);
        var lead = await PostAsync(api, "lead", new { name = "陈经理", company = "嘉兴纺织机械有限公司", mobile = "13905730001", need = "液压系统改造" });
        Assert.True((await api.PatchAsJsonAsync($"/odata/lead({lead})", new { ownerId = li, departmentId = team })).IsSuccessStatusCode);

        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;

        // The pool: she opens it from the menu and claims the customer.
        await SignInAsync(browser, host, "/", "li", Password);
        await page.GetByTestId("shortcut").Filter(new() { HasText = "公海客户" }).ClickAsync();
        await browser.WaitUntilInteractiveAsync();
        await page.GetByText("台州模具有限公司").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-title")).ToContainTextAsync("台州模具有限公司");
        await page.Locator("[data-testid=record-action][data-action=claim]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=record-action][data-action=release]")).ToBeVisibleAsync();
        var claimed = await api.GetFromJsonAsync<JsonElement>($"/odata/customer({pooled})");
        Assert.Equal(li, claimed.GetProperty("ownerId").GetString());

        // The lead: converted into a customer, a contact and an opportunity; the customer opens.
        await page.GotoAsync($"{host.BaseUrl}/records/lead/{lead}");
        await browser.WaitUntilInteractiveAsync();
        await page.Locator("[data-testid=record-action][data-action=convert]").ClickAsync();
        await Assertions.Expect(page.Locator(".rz-dialog-confirm")).ToContainTextAsync("转为客户、联系人和商机？");
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-title")).ToContainTextAsync("嘉兴纺织机械有限公司");
        await Assertions.Expect(page.Locator("[data-testid=tab-related][data-entity=contact]")).ToContainTextAsync("(1)");
        await Assertions.Expect(page.Locator("[data-testid=tab-related][data-entity=opportunity]")).ToContainTextAsync("(1)");
        var customer = page.Url.Split('/')[^1];

        // A quote from the customer's page: three lines, tax to the cent as she types.
        var quotes = page.Locator("[data-testid=tab-related][data-entity=quote]");
        await quotes.ClickAsync();
        await page.Locator("[data-testid=related-list][data-entity=quote]").GetByTestId("related-new").ClickAsync();
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("field-customer-input")).ToHaveValueAsync("嘉兴纺织机械有限公司");
        foreach (var (index, product, quantity) in new[] { (0, "P-01", "3"), (1, "P-02", "1000"), (2, "P-03", "7") })
        {
            await page.GetByTestId("add-line-lines").ClickAsync();
            await page.GetByTestId($"line-{index}-product-input").WaitForAsync(new() { Timeout = 10_000 });
            await PickAsync(page, $"line-{index}-product", product);
            await TypeAsync(page, $"line-{index}-quantity", quantity);
        }

        await Assertions.Expect(page.GetByTestId("line-0-amount")).ToHaveTextAsync("4,185.19");
        await Assertions.Expect(page.GetByTestId("field-total")).ToHaveTextAsync("5,914.01"); // 4,185.19 + 937.90 + 790.92 (13 % on the service too)
        await Assertions.Expect(page.GetByTestId("field-totalTax")).ToHaveTextAsync("680.37");
        await browser.ScreenshotAsync("crm-quote-zh");
        await page.GetByTestId("record-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/quote/[0-9a-f-]{36}$"));
        await browser.WaitUntilInteractiveAsync();

        // The quote becomes an order, which opens.
        await page.Locator("[data-testid=record-action][data-action=toOrder]").ClickAsync();
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/sales_order/[0-9a-f-]{36}$"));
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("field-total")).ToHaveTextAsync("5,914.01");

        var orderUrl = page.Url;

        // She prints it: the preview opens beside the form with the total in capitals; the PDF is a PDF.
        var printing = page.Locator("[data-testid=print-template][data-template=销售订单]");
        await Assertions.Expect(printing).ToBeVisibleAsync();
        var previewOpened = page.Context.WaitForPageAsync();
        await printing.GetByTestId("print-preview").ClickAsync();
        var preview = await previewOpened;
        await Assertions.Expect(preview.Locator("h1")).ToHaveTextAsync("销售订单");
        await Assertions.Expect(preview.Locator(".upper")).ToContainTextAsync("人民币伍仟玖佰壹拾肆元零壹分");
        await Assertions.Expect(preview.Locator("table.items tbody tr")).ToHaveCountAsync(3);
        await preview.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "crm-print-preview-zh.png"), FullPage = true });
        await preview.CloseAsync();
        var pdf = await page.Context.APIRequest.GetAsync(await printing.GetByTestId("print-pdf").GetAttributeAsync("href") is { } href && href.StartsWith("http", StringComparison.Ordinal) ? href : $"{host.BaseUrl}/{(await printing.GetByTestId("print-pdf").GetAttributeAsync("href"))!.TrimStart('/')}");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));

        // From the list, ticked: one PDF of the ticked orders.
        await page.GotoAsync($"{host.BaseUrl}/records/sales_order");
        await browser.WaitUntilInteractiveAsync();
        await page.GetByTestId("record-row").First.GetByTestId("select-row").CheckAsync();
        var printSelected = page.Locator("[data-testid=print-selected][data-template=销售订单]");
        await Assertions.Expect(printSelected).ToHaveTextAsync("打印（销售订单）");
        var several = await page.Context.APIRequest.GetAsync($"{host.BaseUrl}/{(await printSelected.GetAttributeAsync("href"))!.TrimStart('/')}");
        Assert.Equal(200, several.Status);
        Assert.Equal("1", several.Headers["x-printed-records"]);
        await page.GotoAsync(orderUrl);
        await browser.WaitUntilInteractiveAsync();

        // She submits it for approval: it goes to her manager.
        await page.GetByTestId("approval-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-first-steps")).ToContainTextAsync("上级审批 · 周经理");
        await page.GetByTestId("submit-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("approval-status")).ToHaveTextAsync("审批中");

        // Her manager finds it among his team's orders and approves it.
        await using var managerBrowser = await BrowserSession.OpenAsync("zh-CN");
        var managerPage = managerBrowser.Page;
        await SignInAsync(managerBrowser, host, "/records/sales_order", "zhou", Password);
        await Assertions.Expect(managerPage.GetByText("嘉兴纺织机械有限公司").First).ToBeVisibleAsync();
        await managerPage.GotoAsync(orderUrl);
        await managerBrowser.WaitUntilInteractiveAsync();
        await managerPage.GetByTestId("task-comment").FillAsync("同意，尽快排产");
        await managerPage.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(managerPage.GetByTestId("approval-status")).ToHaveTextAsync("已通过");

        // Approved, the order's lines are locked for her; a change goes through a change request (申请变更).
        await page.ReloadAsync();
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("record-tabs")).ToContainTextAsync("已审批");
        await Assertions.Expect(page.GetByTestId("form-field-lines").Locator("input:enabled, textarea:enabled")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("approval-submit")).ToHaveCountAsync(0); // approved: not submitted again
        await page.Locator("[data-testid=record-action][data-action=requestChange]").ClickAsync();
        await page.Locator("[data-testid=action-input][data-input=reason]").FillAsync("客户追加 2 台液压泵");
        await page.GetByTestId("action-inputs-ok").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/sales_order_change/[0-9a-f-]{36}$"));
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(Input(page, "field-previousTotal")).ToHaveValueAsync("5,914.01");
        await TypeAsync(page, "line-0-quantity", "5");
        await Assertions.Expect(page.GetByTestId("field-total")).ToHaveTextAsync("8,704.14"); // 6,975.32 + 937.90 + 790.92
        await Assertions.Expect(page.GetByTestId("field-difference")).ToHaveTextAsync("2,790.13");
        await browser.ScreenshotAsync("crm-change-request-zh");
        await page.GetByTestId("record-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-unsaved")).ToHaveCountAsync(0);
        var changeUrl = page.Url;
        await page.GetByTestId("approval-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-process")).ToHaveTextAsync("订单变更审批");
        await page.GetByTestId("submit-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("approval-status")).ToHaveTextAsync("审批中");

        // The manager approves the change in English; the order then has the changed line, the same three lines.
        await using var englishManager = await BrowserSession.OpenAsync("en");
        await SignInAsync(englishManager, host, changeUrl[host.BaseUrl.Length..], "zhou", Password);
        await Assertions.Expect(englishManager.Page.GetByTestId("field-difference")).ToHaveTextAsync("2,790.13");
        await englishManager.Page.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(englishManager.Page.GetByTestId("approval-status")).ToHaveTextAsync("Approved");
        await englishManager.ScreenshotAsync("crm-change-approved-en");

        await page.GotoAsync(orderUrl);
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("field-total")).ToHaveTextAsync("8,704.14");
        await Assertions.Expect(page.GetByTestId("line-0-amount")).ToHaveTextAsync("6,975.32");
        await Assertions.Expect(Input(page, "field-notes")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("客户追加 2 台液压泵"));
        await browser.ScreenshotAsync("crm-order-changed-zh");

        // Prices as she types: the net price sets the tax-inclusive one and back; the customer's next quote offers the price
        // she agreed last; with 价格含税 ticked, 1,000 × 99.99 comes to 99,990.00 exactly.
        async Task<ILocator> NewQuoteLineAsync()
        {
            await page.GotoAsync($"{host.BaseUrl}/records/quote/new?customer={customer}");
            await browser.WaitUntilInteractiveAsync();
            await page.GetByTestId("add-line-lines").ClickAsync();
            await page.GetByTestId("line-0-product-input").WaitForAsync(new() { Timeout = 10_000 });
            await PickAsync(page, "line-0-product", "P-03");
            return Input(page, "line-0-unitPrice");
        }

        await Assertions.Expect(await NewQuoteLineAsync()).ToHaveValueAsync("99.99"); // the price of her first quote: the list price
        await TypeAsync(page, "line-0-unitPrice", "95");
        await Assertions.Expect(Input(page, "line-0-priceWithTax")).ToHaveValueAsync("107.35");
        await TypeAsync(page, "line-0-priceWithTax", "113");
        await Assertions.Expect(Input(page, "line-0-unitPrice")).ToHaveValueAsync("100.00");
        await TypeAsync(page, "line-0-quantity", "2");
        await Assertions.Expect(page.GetByTestId("field-total")).ToHaveTextAsync("226.00");
        await page.GetByTestId("record-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/quote/[0-9a-f-]{36}$"));

        await Assertions.Expect(await NewQuoteLineAsync()).ToHaveValueAsync("100.00"); // remembered
        await Assertions.Expect(Input(page, "line-0-priceWithTax")).ToHaveValueAsync("113.00");
        await page.GetByTestId("field-pricesIncludeTax").ClickAsync();
        await TypeAsync(page, "line-0-quantity", "1000");
        await TypeAsync(page, "line-0-priceWithTax", "99.99");
        await Assertions.Expect(page.GetByTestId("field-total")).ToHaveTextAsync("99,990.00");
        await Assertions.Expect(page.GetByTestId("field-totalNet")).ToHaveTextAsync("88,486.73");
        await browser.ScreenshotAsync("crm-quote-tax-included-zh");
        await page.GetByTestId("record-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/quote/[0-9a-f-]{36}$"));
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("field-total")).ToHaveTextAsync("99,990.00");
    }

    [SkippableFact]
    public async Task After_her_order_is_approved_she_ships_it_on_a_delivery_notice_and_plans_her_week_in_English()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Crm));
        using var api = await AdminApiAsync(host);
        await TeamAsync(api, "销售二部", "S2");
        var pump = await PostAsync(api, "product", new { code = "P-01", name = "液压泵", price = 1000m });
        using var liApi = await ApiAsAsync(host, "li", Password);
        using var zhouApi = await ApiAsAsync(host, "zhou", Password);
        var customer = await PostAsync(liApi, "customer", new { name = "绍兴印染有限公司" });
        var order = await PostAsync(liApi, "sales_order", new { customer, shippingAddress = "绍兴市柯桥区华舍街道 88 号", lines = new[] { new { product = pump, quantity = 4m } } });
        Assert.True((await liApi.PostAsJsonAsync("/api/workflows/processes/crm_sales_order_approval/instances", new { entity = "sales_order", recordId = order })).IsSuccessStatusCode);
        var task = (await zhouApi.GetFromJsonAsync<JsonElement>("/api/workflows/tasks/mine")).EnumerateArray().Single();
        Assert.True((await zhouApi.PostAsJsonAsync($"/api/workflows/tasks/{task.GetProperty("id").GetString()}/approve", new { comment = "同意" })).IsSuccessStatusCode);

        // 开发货单 on the approved order: a notice with the order's address and lines, shipped with SF's tracking number.
        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await SignInAsync(browser, host, $"/records/sales_order/{order}", "li", Password);
        await page.Locator("[data-testid=record-action][data-action=deliver]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/delivery_notice/[0-9a-f-]{36}$"));
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(Input(page, "field-shipTo")).ToHaveValueAsync("绍兴市柯桥区华舍街道 88 号");
        await page.Locator("[data-testid=record-action][data-action=ship]").ClickAsync();
        await ChooseAsync(page, page.Locator("[data-testid=action-input][data-input=carrier]"), "顺丰速运");
        await Assertions.Expect(page.Locator("[data-testid=action-input][data-input=carrier]")).ToContainTextAsync("顺丰速运"); // the label, not the code
        await page.Locator("[data-testid=action-input][data-input=trackingNumber]").FillAsync("SF1400012345678");
        await page.GetByTestId("action-inputs-ok").ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-status")).ToContainTextAsync("已发货");
        await Assertions.Expect(Input(page, "field-trackingNumber")).ToHaveValueAsync("SF1400012345678");
        await browser.ScreenshotAsync("crm-delivery-notice-zh");
        var shipped = await liApi.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})");
        Assert.Equal("delivering", shipped.GetProperty("status").GetString());

        // Her weekly plan, in English: the week starts on Monday; an item planned and done.
        await using var english = await BrowserSession.OpenAsync("en");
        await SignInAsync(english, host, "/records/weekly_plan/new", "li", Password);
        var plan = english.Page;
        await Assertions.Expect(Input(plan, "field-title")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-W\d{2}$")); // the ISO week
        await Assertions.Expect(Input(plan, "field-weekOf")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2}$"));
        Assert.Equal(DayOfWeek.Monday, DateOnly.Parse(await Input(plan, "field-weekOf").InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture).DayOfWeek);
        await TypeAsync(plan, "field-goals", "Close the Shaoxing order");
        await plan.GetByTestId("add-line-items").ClickAsync();
        await ChooseAsync(plan, "line-0-day", "Monday");
        await PickAsync(plan, "line-0-customer", "绍兴");
        await TypeAsync(plan, "line-0-activity", "Visit purchasing");
        await plan.GetByTestId("line-0-done").ClickAsync();
        await Assertions.Expect(plan.GetByTestId("field-done")).ToHaveTextAsync("1");
        await english.ScreenshotAsync("crm-weekly-plan-en");
        await plan.GetByTestId("record-save").ClickAsync();
        await Assertions.Expect(plan).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/weekly_plan/[0-9a-f-]{36}$"));
    }

    [SkippableFact]
    public async Task The_manager_hands_out_leads_in_turn_and_approves_a_discount_beyond_ten_percent_before_the_quote_becomes_an_order()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Crm));
        using var api = await AdminApiAsync(host);
        var people = await TeamAsync(api, "销售三部", "S3", ("wang", "王强"));
        var (li, wang) = (people["li"], people["wang"]);
        var pump = await PostAsync(api, "product", new { code = "P-01", name = "液压泵", price = 1000m });
        using var liApi = await ApiAsAsync(host, "li", Password);
        using var zhouApi = await ApiAsAsync(host, "zhou", Password);
        var leads = new List<string>();
        foreach (var (name, company) in new[] { ("孙经理", "常州精工液压件有限公司"), ("周女士", "南京联创智能装备有限公司"), ("吴工", "无锡华东重型机械厂") })
        {
            leads.Add(await PostAsync(zhouApi, "lead", new { name, company, source = "fair" }));
        }

        // The manager: two leads from 待分配线索 handed out in turn (李娜, then 王强); the third to 王强 by name.
        await using var managerBrowser = await BrowserSession.OpenAsync("zh-CN");
        var manager = managerBrowser.Page;
        await SignInAsync(managerBrowser, host, "/", "zhou", Password);
        await manager.GetByTestId("shortcut").Filter(new() { HasText = "待分配线索" }).ClickAsync();
        await managerBrowser.WaitUntilInteractiveAsync();
        var rows = manager.GetByTestId("record-row");
        foreach (var name in new[] { "孙经理", "周女士" })
        {
            await rows.Filter(new() { HasText = name }).GetByTestId("select-row").CheckAsync();
        }

        await Assertions.Expect(manager.GetByTestId("bulk-count")).ToHaveTextAsync("已选 2 条");
        await manager.Locator("[data-testid=bulk-action][data-action=assign]").ClickAsync();
        await ChooseAsync(manager, manager.Locator("[data-testid=action-input][data-input=method]"), "轮流分配给本部门销售");
        await managerBrowser.ScreenshotAsync("crm-assign-leads-zh");
        await manager.GetByTestId("action-inputs-ok").ClickAsync();
        await Assertions.Expect(rows.Filter(new() { HasText = "孙经理" })).ToHaveCountAsync(0); // assigned: off the list
        await Assertions.Expect(rows.Filter(new() { HasText = "吴工" })).ToHaveCountAsync(1);
        async Task<string?> OwnerAsync(string lead) => (await api.GetFromJsonAsync<JsonElement>($"/odata/lead({lead})")).GetProperty("ownerId").GetString();
        Assert.Equal((li, wang), (await OwnerAsync(leads[0]), await OwnerAsync(leads[1])));

        await manager.GotoAsync($"{host.BaseUrl}/records/lead/{leads[2]}");
        await managerBrowser.WaitUntilInteractiveAsync();
        await manager.Locator("[data-testid=record-action][data-action=assign]").ClickAsync();
        await ChooseAsync(manager, manager.Locator("[data-testid=action-input][data-input=method]"), "分配给指定人员");
        await PickAsync(manager, "action-input-person", "王强");
        await manager.GetByTestId("action-inputs-ok").ClickAsync();
        await Assertions.Expect(Input(manager, "field-assignmentNo")).ToHaveValueAsync("3");
        Assert.Equal(wang, await OwnerAsync(leads[2]));

        // She quotes 15 % under the list price: no order until her manager approves the discount.
        var customer = await PostAsync(liApi, "customer", new { name = "丽水阀门有限公司" });
        var quote = await PostAsync(liApi, "quote", new { customer, lines = new[] { new { product = pump, quantity = 2m, unitPrice = 850m } } });
        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await SignInAsync(browser, host, $"/records/quote/{quote}", "li", Password);
        await Assertions.Expect(page.GetByTestId("field-maxDiscount")).ToContainTextAsync("15");
        await Assertions.Expect(page.Locator("[data-testid=record-action][data-action=toOrder]")).ToHaveCountAsync(0);
        await page.GetByTestId("approval-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-first-steps")).ToContainTextAsync("周经理");
        await page.GetByTestId("submit-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("approval-status")).ToHaveTextAsync("审批中");

        await manager.GotoAsync($"{host.BaseUrl}/records/quote/{quote}");
        await managerBrowser.WaitUntilInteractiveAsync();
        await manager.GetByTestId("task-comment").FillAsync("大客户，同意 85 折");
        await manager.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("approval-status")).ToHaveTextAsync("已通过");

        await page.ReloadAsync();
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(Input(page, "field-approvedDiscount")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^15"));
        await page.Locator("[data-testid=record-action][data-action=toOrder]").ClickAsync();
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/sales_order/[0-9a-f-]{36}$"));
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("field-total")).ToHaveTextAsync("1,921.00"); // 2 × 850 + 13 % VAT
        await browser.ScreenshotAsync("crm-discounted-order-zh");
    }
}
