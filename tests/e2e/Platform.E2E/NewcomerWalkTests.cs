using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// What a newcomer's walk through the product tripped on, walked again in a real browser: an
/// administrator editing a department and reading roles, the home page's shortcuts, finding orders
/// by their customer, views as links, the kanban of open orders, and the dialog and history of a
/// sales order. One host with the sample package for the whole class.
/// </summary>
public sealed class NewcomerWalkTests(SamplesHost samples) : IClassFixture<SamplesHost>
{
    private HostProcess Host => samples.Host!;

    [SkippableFact]
    public async Task An_existing_department_opens_for_editing_and_takes_a_manager_and_the_administrator_role_reads_in_the_users_language()
    {
        BrowserSession.SkipUnlessAvailable();
        var created = await samples.Api!.PostAsJsonAsync("/api/admin/departments", new { name = "华东销售部", code = "EAST" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await SignInAsync(browser, Host, "/admin/departments", "zh-CN");
        await page.GetByTestId("department-tree").GetByText("华东销售部").ClickAsync();
        await Assertions.Expect(Input(page, "department-name")).ToHaveValueAsync("华东销售部");
        await ChooseAsync(page, "department-manager", "admin");
        await page.GetByTestId("save-department").ClickAsync();

        await page.ReloadAsync();
        await browser.WaitUntilInteractiveAsync();
        await page.GetByTestId("department-tree").GetByText("华东销售部").ClickAsync();
        await Assertions.Expect(page.GetByTestId("department-manager")).ToContainTextAsync("admin");
        await browser.ScreenshotAsync("department-edit-zh");

        await page.GotoAsync(Host.BaseUrl + "/admin/roles");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("role-row-name")).ToHaveTextAsync(["系统管理员", "Sales director", "Sales manager", "Salesperson"]); // the sample package brings its approval's roles
        await page.Locator("[data-culture=en]").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("role-row-name")).ToHaveTextAsync(["Administrator", "Sales director", "Sales manager", "Salesperson"]);
    }

    [SkippableFact]
    public async Task The_home_page_shortcuts_read_as_the_package_menu_names_them_in_both_languages()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await SignInAsync(browser, Host, "/", "zh-CN");

        var shortcuts = page.GetByTestId("shortcut");
        await Assertions.Expect(shortcuts.Filter(new() { HasText = "进行中的订单" })).ToHaveCountAsync(1);
        await Assertions.Expect(shortcuts.Filter(new() { HasText = "客户" }).First).ToBeVisibleAsync();
        Assert.DoesNotContain(await shortcuts.AllInnerTextsAsync(), t => t.Contains("menu:", StringComparison.Ordinal));

        await page.Locator("[data-culture=en]").First.ClickAsync();
        await Assertions.Expect(shortcuts.Filter(new() { HasText = "Open orders" })).ToHaveCountAsync(1);
        Assert.DoesNotContain(await shortcuts.AllInnerTextsAsync(), t => t.Contains("menu:", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Orders_are_found_by_their_customer_s_region_views_are_links_and_new_orders_show_as_drafts_with_their_total()
    {
        BrowserSession.SkipUnlessAvailable();
        var api = samples.Api!;
        var shenzhen = await PostAsync(api, "customer", new { name = "华强电子", region = "深圳" });
        var ningbo = await PostAsync(api, "customer", new { name = "宁波针织厂", region = "宁波" });
        var product = await PostAsync(api, "product", new { code = "WALK-1", name = "羊毛衫", price = 120m });
        await PostAsync(api, "sales_order", new { customer = shenzhen, orderDate = "2026-11-20", lines = new[] { new { product, quantity = 2m } } });
        await PostAsync(api, "sales_order", new { customer = ningbo, orderDate = "2026-11-21", lines = new[] { new { product, quantity = 1m } } });

        await using var browser = await BrowserSession.OpenAsync("zh-CN", 1366, 768);
        var page = browser.Page;
        await SignInAsync(browser, Host, "/records/sales_order", "zh-CN");
        await Input(page, "record-search").FillAsync("深圳");
        await page.GetByTestId("record-search-go").ClickAsync();
        await Assertions.Expect(page.GetByTestId("record-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("record-row")).ToContainTextAsync("华强电子");

        // A view is an address: chosen, it shows in the URL; opened from that URL, it is there again.
        await ChooseAsync(page, "view-picker", "进行中的订单");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/records/sales_order\?view=[0-9a-f-]{36}$"));
        var link = page.Url;
        await page.GotoAsync(Host.BaseUrl + "/");
        await page.GotoAsync(link);
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("view-picker")).ToContainTextAsync("进行中的订单");

        // New orders start as drafts (the package's default): the first stage, each card with its total.
        var draft = page.Locator("[data-testid=kanban-column][data-value=draft]");
        await Assertions.Expect(draft.GetByTestId("kanban-card").Filter(new() { HasText = "宁波针织厂" })).ToHaveCountAsync(1);
        await Assertions.Expect(draft.GetByTestId("kanban-card").Filter(new() { HasText = "华强电子" })).ToContainTextAsync("订单金额: 240.00");
        await Assertions.Expect(page.Locator("[data-testid=kanban-column][data-value='']")).ToHaveCountAsync(0);
        var firstColumnX = await page.GetByTestId("kanban-column").First.BoundingBoxAsync();
        var draftBox = await draft.BoundingBoxAsync();
        Assert.True(draftBox!.X + draftBox.Width <= 1366, "the stage with the new orders is on screen at 1366 px");
        Assert.Equal(firstColumnX!.X, draftBox.X);
        await browser.ScreenshotAsync("kanban-1366-zh");
    }

    [SkippableFact]
    public async Task The_create_dialog_of_a_picker_names_what_it_creates_and_the_history_names_people_as_they_are_known()
    {
        BrowserSession.SkipUnlessAvailable();
        var api = samples.Api!;
        var users = await api.GetFromJsonAsync<JsonElement>("/api/admin/users");
        var admin = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "admin").GetProperty("id").GetString();
        var renamed = await api.PatchAsJsonAsync($"/api/admin/users/{admin}", new { displayName = "王管理" });
        Assert.True(renamed.IsSuccessStatusCode, await renamed.Content.ReadAsStringAsync());
        var customer = await PostAsync(api, "customer", new { name = "杭州丝绸" });
        var product = await PostAsync(api, "product", new { code = "WALK-2", name = "真丝围巾", price = 80m });
        var order = await PostAsync(api, "sales_order", new { customer, orderDate = "2026-11-22", lines = new[] { new { product, quantity = 1m } } });

        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await SignInAsync(browser, Host, "/records/sales_order/new", "zh-CN");
        await page.GetByTestId("field-customer-new").ClickAsync();
        await Assertions.Expect(page.Locator(".rz-dialog-title")).ToHaveTextAsync("新建客户");
        await page.GetByTestId("quick-create-cancel").ClickAsync();

        await page.GotoAsync(Host.BaseUrl + $"/records/sales_order/{order}");
        await browser.WaitUntilInteractiveAsync();
        await page.GetByTestId("tab-history").ClickAsync();
        await Assertions.Expect(page.GetByTestId("history-user").First).ToHaveTextAsync("王管理");
    }

    [SkippableFact]
    public async Task Files_are_dropped_or_chosen_in_a_zone_that_speaks_the_users_language_and_names_the_file_chosen()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await SignInAsync(browser, Host, "/records/product/import", "zh-CN");
        var zone = page.GetByTestId("import-file-zone");
        await Assertions.Expect(zone).ToContainTextAsync("将文件拖放到此处，或点击选择一个文件");
        await Assertions.Expect(zone).ToContainTextAsync("最多 20 万行");
        await PageDriver.ChooseFileAsync(page, page.GetByTestId("import-file"), new FilePayload { Name = "产品.csv", MimeType = "text/csv", Buffer = "编码,名称\r\nWALK-9,围巾\r\n"u8.ToArray() });
        await Assertions.Expect(page.GetByTestId("import-file-chosen")).ToHaveTextAsync("已选择：产品.csv");
        await Assertions.Expect(page.GetByTestId("import-rows")).ToBeVisibleAsync();

        await page.GotoAsync(Host.BaseUrl + "/records/sales_order/new");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("field-attachments-upload-zone")).ToContainTextAsync("将文件拖放到此处，或点击选择文件");
        await Assertions.Expect(page.GetByTestId("field-attachments-upload-zone")).ToContainTextAsync("还可添加 20 个文件");
        await browser.ScreenshotAsync("drop-zone-zh");

        await page.GotoAsync($"{Host.BaseUrl}/culture/set?culture=en&returnUrl=/records/product/import");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("import-file-zone")).ToContainTextAsync("Drop a file here, or click to choose one");
        await page.GotoAsync($"{Host.BaseUrl}/culture/set?culture=zh-CN&returnUrl=/");
    }

    [SkippableFact]
    public async Task On_a_phone_the_top_bar_is_one_line_lists_are_cards_and_order_lines_an_editable_card_list()
    {
        BrowserSession.SkipUnlessAvailable();
        var api = samples.Api!;
        var customer = await PostAsync(api, "customer", new { name = "温州鞋业贸易有限公司" });
        var product = await PostAsync(api, "product", new { code = "WALK-3", name = "牛皮短靴", price = 300m });
        var order = await PostAsync(api, "sales_order", new { customer, orderDate = "2026-11-23", lines = new[] { new { product, quantity = 2m } } });

        await using var browser = await BrowserSession.OpenAsync("zh-CN", 390, 844);
        var page = browser.Page;
        await SignInAsync(browser, Host, "/records/sales_order", "zh-CN");
        var topBar = await page.Locator(".platform-topbar").BoundingBoxAsync();
        Assert.True(topBar!.Height <= 64, $"the top bar wraps: {topBar.Height} px high");
        await Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-culture=en] .platform-language-short").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-culture=en] .platform-language-full").First).ToBeHiddenAsync();
        Assert.Equal(0, await SidewaysAsync(page, "document.documentElement"));

        var card = page.GetByTestId("record-row").Filter(new() { HasText = "温州鞋业" });
        await Assertions.Expect(card.Locator("td[data-label=订单金额]")).ToHaveTextAsync("600.00");
        await Assertions.Expect(page.Locator("[data-testid=record-table] thead")).ToBeHiddenAsync();
        Assert.Equal("\"订单金额\"", await card.Locator("td[data-label=订单金额]").EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        Assert.Equal(0, await SidewaysAsync(page, "document.querySelector('[data-testid=record-table]').parentElement"));
        var box = await card.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= 390, "a record card fits the phone");
        await browser.ScreenshotAsync("list-390-zh");

        await card.ClickAsync();
        await browser.WaitUntilInteractiveAsync();
        var lines = page.GetByTestId("lines-lines");
        await lines.ScrollIntoViewIfNeededAsync();
        Assert.Equal(0, await SidewaysAsync(page, "document.querySelector('[data-testid=lines-lines]')"));
        await TypeAsync(page, "line-0-quantity", "3");
        await Assertions.Expect(page.GetByTestId("line-0-amount")).ToHaveTextAsync("900.00");
        await Assertions.Expect(page.GetByTestId("sum-amount")).ToHaveTextAsync("900.00");
        await page.GetByTestId("add-line-lines").ClickAsync();
        await Assertions.Expect(page.GetByTestId("line")).ToHaveCountAsync(2);
        var quantity = await Input(page, "line-1-quantity").BoundingBoxAsync();
        Assert.True(quantity!.X + quantity.Width <= 390, "a new line's editors fit the phone");
        await browser.ScreenshotAsync("form-lines-390-zh");
        Assert.NotNull(order);
    }

    [SkippableFact]
    public async Task An_analyst_types_labels_not_names_makes_line_items_inside_the_record_reads_script_errors_in_chinese_and_places_the_list_in_the_menu()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var browser = await BrowserSession.OpenAsync("zh-CN", 1400, 900);
        var page = browser.Page;
        await SignInAsync(browser, Host, "/designer/new", "zh-CN");

        await TypeAsync(page, "entity-label-zh", "报销单");
        await TypeAsync(page, "entity-label-en", "Expense claim");
        await Assertions.Expect(Input(page, "entity-name")).ToHaveValueAsync("expense_claim");
        await TypeAsync(page, "entity-plural-zh", "报销单");
        await TypeAsync(page, "entity-plural-en", "Expense claims");
        await TypeAsync(page, "entity-icon", "receipt");
        await TypeAsync(page, "entity-menu-zh", "财务");
        await TypeAsync(page, "entity-menu-en", "Finance");

        await page.GetByTestId("field-add").ClickAsync();
        await TypeAsync(page, "field-label-zh", "报销事由");
        await TypeAsync(page, "field-label-en", "Claim reason");
        await Assertions.Expect(Input(page, "field-name")).ToHaveValueAsync("claimReason");

        await page.GetByTestId("field-add").ClickAsync();
        await Assertions.Expect(Input(page, "field-name")).ToHaveValueAsync(new Regex("^field[0-9]+$"));
        await TypeAsync(page, "field-label-zh", "费用明细");
        await TypeAsync(page, "field-label-en", "Items");
        await ChooseAsync(page, "field-type", "明细表");
        await page.GetByTestId("field-new-line-entity").ClickAsync();
        await Assertions.Expect(page.GetByTestId("field-target")).ToContainTextAsync("报销单费用明细");
        await Assertions.Expect(page.GetByTestId("field-open-line-entity")).ToHaveAttributeAsync("href", "designer/expense_claim_items");

        await page.GetByTestId("field-add").ClickAsync();
        await TypeAsync(page, "field-label-en", "Total");
        await ChooseAsync(page, "field-type", "计算字段");
        await DesignerTests.TypeCodeAsync(page, "field-formula", "round(sum(record.items, 'amount')，2)");
        await Assertions.Expect(page.GetByTestId("field-formula-problem")).ToContainTextAsync("中文标点");
        await DesignerTests.TypeCodeAsync(page, "field-formula", "round(sum(record.items, 'amount'), 2)");
        await Assertions.Expect(page.GetByTestId("field-formula-problem")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("designer-labels-make-names-zh");
        await DesignerTests.SaveAndApplyAsync(page, "CREATE TABLE");
        await Assertions.Expect(page.GetByTestId("designer-problems")).ToHaveCountAsync(0); // a refused apply says why here
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer/expense_claim$"), new() { Timeout = 40_000 });

        // The list is in the main menu under its group, by its plural label and icon.
        var finance = page.Locator(".platform-nav [data-menu-key^='menu:entities:']");
        await Assertions.Expect(finance).ToContainTextAsync("财务");
        await Assertions.Expect(page.Locator(".platform-nav [data-menu-key='menu:entity:expense_claim']")).ToContainTextAsync("报销单");
        await page.Locator(".platform-nav [data-menu-key='menu:entity:expense_claim'] a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/records/expense_claim$"));
    }

    [SkippableFact]
    public async Task An_entity_labelled_in_chinese_only_is_saved_without_anyone_typing_an_api_name()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var browser = await BrowserSession.OpenAsync("zh-CN", 1400, 900);
        var page = browser.Page;
        await SignInAsync(browser, Host, "/designer/new", "zh-CN");
        await TypeAsync(page, "entity-label-zh", "展会客户登记");
        await page.GetByTestId("field-add").ClickAsync();
        await TypeAsync(page, "field-label-zh", "公司名称");

        await DesignerTests.SaveAndApplyAsync(page, "CREATE TABLE");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/designer/entity[0-9]+$"));
        await Assertions.Expect(page.GetByTestId("designer-title")).ToContainTextAsync("展会客户登记");
    }

    /// <summary>How far the element scrolls sideways (0 when everything fits its width).</summary>
    private static Task<int> SidewaysAsync(IPage page, string element) =>
        page.EvaluateAsync<int>($"() => {{ const e = {element}; return Math.max(0, e.scrollWidth - e.clientWidth); }}");
}
