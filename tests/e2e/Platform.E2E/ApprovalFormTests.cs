using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// Approvals on a record's form, in a real browser with the sample package: a salesperson submits an
/// order (seeing who approves first), the form then holds the record and shows the status and timeline,
/// the sales manager approves from the same form, and a submitter can withdraw. One host for the class.
/// </summary>
public sealed class ApprovalFormTests(ApprovalFormTests.ManagerHost samples) : IClassFixture<ApprovalFormTests.ManagerHost>
{
    private const string ManagerPassword = "Manager-Pass-2026!";

    private HostProcess Host => samples.Host!;

    private async Task<string> NewOrderAsync(string customer)
    {
        var customerId = await PostAsync(samples.Api!, "customer", new { name = customer });
        var product = await PostAsync(samples.Api!, "product", new { code = "P-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), name = "羊毛衫", price = 120m });
        return await PostAsync(samples.Api!, "sales_order", new { customer = customerId, orderDate = "2026-12-01", lines = new[] { new { product, quantity = 3 } } });
    }

    private async Task OpenAsync(BrowserSession browser, string path, string culture, string user = "admin", string password = HostProcess.AdminPassword)
    {
        await SignInAsync(browser, Host, "/", user, password);
        await browser.Page.GotoAsync($"{Host.BaseUrl}/culture/set?culture={culture}&returnUrl={Uri.EscapeDataString(path)}");
        await browser.WaitUntilInteractiveAsync();
    }

    [SkippableFact]
    public async Task A_salesperson_submits_an_order_from_its_form_and_the_manager_approves_it_there_in_chinese()
    {
        BrowserSession.SkipUnlessAvailable();
        var order = await NewOrderAsync("杭州丝绸有限公司");
        await using (var browser = await BrowserSession.OpenAsync("zh-CN"))
        {
            var page = browser.Page;
            await OpenAsync(browser, $"/records/sales_order/{order}", "zh-CN");
            await Assertions.Expect(page.GetByTestId("approval-status")).ToHaveTextAsync("未提交");
            await Assertions.Expect(page.GetByTestId("record-held")).ToHaveCountAsync(0);

            // Before submitting, the dialog names the approval and who gets it first.
            await page.GetByTestId("approval-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("submit-process")).ToHaveTextAsync("销售订单审批");
            await Assertions.Expect(page.GetByTestId("submit-first-steps")).ToContainTextAsync("销售经理审批 · Sales manager");
            await browser.ScreenshotAsync("approval-submit-zh");
            await page.GetByTestId("submit-confirm").ClickAsync();

            // Held: a banner says why, Save and Delete are gone; the status and timeline show who has it.
            await Assertions.Expect(page.GetByTestId("approval-status")).ToHaveTextAsync("审批中");
            await Assertions.Expect(page.GetByTestId("record-held")).ToContainTextAsync("该记录正在审批中（销售订单审批）");
            await Assertions.Expect(page.GetByTestId("record-save")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("record-delete")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("approval-pending")).ToHaveTextAsync("等待 Sales manager 处理");
            await Assertions.Expect(page.GetByTestId("approval-step").First).ToContainTextAsync("admin 提交");
            await Assertions.Expect(page.GetByTestId("approval-step").Last).ToContainTextAsync("销售经理审批 · 待 Sales manager 处理");
            await Assertions.Expect(page.GetByTestId("record-tabs")).ToContainTextAsync("已提交"); // the status field follows the request
            await browser.ScreenshotAsync("approval-held-zh");
        }

        await using (var manager = await BrowserSession.OpenAsync("zh-CN"))
        {
            var page = manager.Page;
            // The bell says a task waits, and leads to the order.
            await OpenAsync(manager, "/", "zh-CN", "wang", ManagerPassword);
            var number = (await samples.Api!.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})")).GetProperty("orderNumber").GetString();
            await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9]$"));
            var unread = int.Parse(await page.GetByTestId("bell-count").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            await page.GetByTestId("bell").ClickAsync();
            var notice = page.GetByTestId("bell-item").Filter(new() { HasText = $"待您处理：销售经理审批（销售订单审批 · {number}）" });
            await Assertions.Expect(notice).ToHaveCountAsync(1);
            await manager.ScreenshotAsync("approval-bell-zh");
            await notice.ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/records/sales_order/{order}$"));
            // Read, it no longer counts.
            if (unread == 1)
            {
                await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveCountAsync(0);
            }
            else
            {
                await Assertions.Expect(page.GetByTestId("bell-count")).ToHaveTextAsync((unread - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            // The manager's step lets them correct the discount and the notes, nothing else; the decision waits for the save.
            await Assertions.Expect(page.GetByTestId("record-held-editable")).ToHaveTextAsync("您在当前步骤可修改：折扣、备注。");
            await Assertions.Expect(Input(page, "field-discount")).ToBeEnabledAsync();
            await Assertions.Expect(Input(page, "field-deliveryDate")).ToBeDisabledAsync();
            await Assertions.Expect(page.GetByTestId("field-customer-input")).ToBeDisabledAsync();
            await Assertions.Expect(page.GetByTestId("form-field-lines").Locator("input:enabled, textarea:enabled")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("form-field-lines").GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("record-delete")).ToHaveCountAsync(0);
            await TypeAsync(page, "field-discount", "25");
            await Assertions.Expect(page.GetByTestId("approve")).ToBeDisabledAsync();
            await Assertions.Expect(page.GetByTestId("task-save-first")).ToBeVisibleAsync();
            await manager.ScreenshotAsync("approval-approver-edits-zh");
            await page.GetByTestId("record-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("record-unsaved")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("approve")).ToBeEnabledAsync();

            await page.GetByTestId("task-comment").FillAsync("价格合理");
            await page.GetByTestId("approve").ClickAsync();

            await Assertions.Expect(page.GetByTestId("approval-status")).ToHaveTextAsync("已通过");
            await Assertions.Expect(page.GetByTestId("task-actions")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("approval-timeline")).ToContainTextAsync("销售经理审批 · 王经理：同意");
            await Assertions.Expect(page.GetByTestId("approval-timeline")).ToContainTextAsync("“价格合理”");
            await Assertions.Expect(page.GetByTestId("record-held")).ToHaveCountAsync(0);
            await manager.ScreenshotAsync("approval-approved-zh");
        }

        var stored = await samples.Api!.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})");
        Assert.Equal("approved", stored.GetProperty("status").GetString());
        Assert.Equal(0.25m, stored.GetProperty("discount").GetDecimal());
    }

    [SkippableFact]
    public async Task The_submitter_withdraws_and_the_order_can_be_edited_again_in_english()
    {
        BrowserSession.SkipUnlessAvailable();
        var order = await NewOrderAsync("Suzhou Linen Ltd");
        await using var browser = await BrowserSession.OpenAsync("en-US");
        var page = browser.Page;
        await OpenAsync(browser, $"/records/sales_order/{order}", "en-US");

        await page.GetByTestId("approval-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-first-steps")).ToContainTextAsync("Sales manager approves · Sales manager");
        await page.GetByTestId("submit-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("approval-status")).ToHaveTextAsync("In approval");
        await Assertions.Expect(page.GetByTestId("record-held")).ToContainTextAsync("Sales order approval");

        // A second submission is not offered while one runs; withdrawing ends it and frees the record.
        await Assertions.Expect(page.GetByTestId("approval-submit")).ToHaveCountAsync(0);
        await page.GetByTestId("approval-withdraw").ClickAsync();
        await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("approval-status")).ToHaveTextAsync("Withdrawn");
        await Assertions.Expect(page.GetByTestId("approval-timeline")).ToContainTextAsync("Withdrawn by admin");
        await Assertions.Expect(page.GetByTestId("record-save")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("record-delete")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("approval-submit")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("approval-withdrawn-en");
    }

    [SkippableFact]
    public async Task The_manager_hands_a_task_to_a_colleague_found_by_name()
    {
        BrowserSession.SkipUnlessAvailable();
        var order = await NewOrderAsync("宁波纺织有限公司");
        var started = await samples.Api!.PostAsJsonAsync("/api/workflows/processes/sales_order_approval/instances", new { entity = "sales_order", recordId = Guid.Parse(order) });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        var instance = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var browser = await BrowserSession.OpenAsync("zh-CN");
        var page = browser.Page;
        await OpenAsync(browser, $"/records/sales_order/{order}", "zh-CN", "wang", ManagerPassword);

        await page.GetByTestId("delegate").ClickAsync();
        await page.GetByTestId("person-pick").ClickAsync();
        await page.Locator(".rz-popup:visible input.rz-dropdown-filter").FillAsync("赵");
        await page.Locator(".rz-popup:visible .rz-dropdown-item").Filter(new() { HasText = "赵助理" }).ClickAsync();
        await page.GetByTestId("person-confirm").ClickAsync();

        // Handed on: it waits for the colleague now, and the manager's actions are gone.
        await Assertions.Expect(page.GetByTestId("approval-pending")).ToHaveTextAsync("等待 赵助理 处理");
        await Assertions.Expect(page.GetByTestId("task-actions")).ToHaveCountAsync(0);
        var tasks = await samples.Api!.GetFromJsonAsync<JsonElement>($"/api/workflows/instances/{instance}");
        var open = tasks.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("isOpen").GetBoolean());
        Assert.Equal(samples.Assistant, open.GetProperty("assignee").GetString());
    }

    /// <summary>The sample package's host, with a sales manager (王经理, the package's role "Sales manager": orders read, nothing changed but what the step allows).</summary>
    public sealed class ManagerHost : IAsyncLifetime
    {
        public HostProcess? Host { get; private set; }

        public HttpClient? Api { get; private set; }

        /// <summary>The account id of 赵助理, a colleague tasks are handed to.</summary>
        public string? Assistant { get; private set; }

        public async Task InitializeAsync()
        {
            if (BrowserSession.ChromiumPath is null)
            {
                return; // each test skips with the reason
            }

            Host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Samples));
            Api = await AdminApiAsync(Host);
            // The sample package brings the role "Sales manager" (orders read, the approval's first step).
            var user = await Api.PostAsJsonAsync("/api/admin/users", new { userName = "wang", password = ManagerPassword, displayName = "王经理", roles = new[] { "Sales manager" } });
            Assert.True(user.IsSuccessStatusCode, await user.Content.ReadAsStringAsync());
            var assistant = await Api.PostAsJsonAsync("/api/admin/users", new { userName = "zhao", password = ManagerPassword, displayName = "赵助理", roles = new[] { "Sales manager" } });
            Assert.True(assistant.IsSuccessStatusCode, await assistant.Content.ReadAsStringAsync());
            Assistant = (await assistant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
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
}
