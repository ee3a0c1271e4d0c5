using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// The approval walk of the issue, all in the browser in Chinese: an analyst creates the entity 费用报销
/// with an amount and builds "the manager approves; above 5000 finance (a role) approves; copy the
/// submitter's manager"; an employee submits a claim of 8000, the manager approves it, finance rejects it
/// with a reason, and the employee reads the status and the timeline. The analyst's part is timed and its
/// clicks counted (written to the test output).
/// </summary>
public sealed class ApprovalDesignerWalkTests(ITestOutputHelper output)
{
    private const string Password = "Walk-Pass-2026!x";

    [SkippableFact]
    public async Task An_analyst_builds_an_expense_approval_and_a_claim_goes_through_it()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync();
        using var api = await AdminApiAsync(host);
        var department = await CreatedIdAsync(await api.PostAsJsonAsync("/api/admin/departments", new { name = "华东销售部", code = "EAST" }));
        var manager = await CreatedIdAsync(await api.PostAsJsonAsync("/api/admin/users", new { userName = "li", password = Password, displayName = "李经理", departmentId = department }));
        var employee = await CreatedIdAsync(await api.PostAsJsonAsync("/api/admin/users", new { userName = "zhang", password = Password, displayName = "张三", departmentId = department }));
        var finance = await CreatedIdAsync(await api.PostAsJsonAsync("/api/admin/users", new { userName = "qian", password = Password, displayName = "钱会计" }));
        Assert.True((await api.PatchAsJsonAsync($"/api/admin/departments/{department}", new { managerId = manager })).IsSuccessStatusCode);
        // The roles exist before the approval names them; what they may do with claims comes once the entity exists.
        var claimant = await RoleAsync(api, "报销人", employee);
        var head = await RoleAsync(api, "部门经理", manager);
        var accountant = await RoleAsync(api, "Finance", finance);

        // The analyst's part: the entity, then the approval.
        var clicks = 0;
        async Task Click(ILocator target)
        {
            clicks++;
            await target.ClickAsync();
        }

        var clock = Stopwatch.StartNew();
        await using (var analyst = await BrowserSession.OpenAsync("zh-CN", 1400, 900))
        {
            var page = analyst.Page;
            await SignInAsync(analyst, host, "/designer/new");
            await TypeAsync(page, "entity-name", "expense_claim");
            await TypeAsync(page, "entity-label-zh", "费用报销");
            await TypeAsync(page, "entity-label-en", "Expense claim");
            await DesignerTests.AddFieldAsync(page, "reason", "事由", null);
            await DesignerTests.AddFieldAsync(page, "amount", "金额", "金额");
            clicks += 2 + 2; // two "add field", one type choice (two clicks)
            await DesignerTests.SaveAndApplyAsync(page, "CREATE TABLE");
            clicks += 2;
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer/expense_claim$"));

            await page.GotoAsync(host.BaseUrl + "/workflows/approvals");
            await analyst.WaitUntilInteractiveAsync();
            await ChooseAsync(page, "new-approval-entity", "费用报销");
            clicks += 2;
            await Click(page.GetByTestId("new-approval"));
            await Assertions.Expect(page.GetByTestId("designer-title")).ToHaveTextAsync("费用报销审批");
            // The first step is there already: the submitter's manager approves.
            await Assertions.Expect(page.GetByTestId("step-summary").First).ToHaveTextAsync("发起人的直属上级");

            // Below it, a branch: amount over 5000 goes to finance.
            await Click(page.GetByTestId("add-step").Nth(1));
            await Click(page.GetByTestId("add-branch"));
            await Click(page.GetByTestId("branch-condition"));
            await Assertions.Expect(Input(page, "name-zh")).ToHaveValueAsync("条件 1");
            await TypeAsync(page, "name-zh", "超过 5000");
            await Click(page.GetByTestId("condition-add"));
            await TypeAsync(page, "condition-value", "5000");
            await Assertions.Expect(page.GetByTestId("branch-condition")).ToContainTextAsync("金额 大于 5000");
            await Click(page.Locator("[data-testid=branch-column] [data-testid=add-step]").First);
            await Click(page.GetByTestId("add-approve"));
            // The new step's editor replaces the branch's: wait for it before typing.
            await Assertions.Expect(Input(page, "name-zh")).ToHaveValueAsync("审批 2");
            await TypeAsync(page, "name-zh", "财务审批");
            await TypeAsync(page, "name-en", "Finance approves");
            await Click(page.GetByTestId("who-kind").GetByText("角色", new() { Exact = true }));
            await ChooseAsync(page, "who-role", "Finance");
            clicks += 2;

            // At the end, a copy to the submitter's manager (the kind a new copy starts with).
            await Click(page.Locator("[data-testid=chain]").First.Locator(":scope > .approval-add [data-testid=add-step]").Last);
            await Click(page.GetByTestId("add-copy"));
            await Assertions.Expect(Input(page, "name-zh")).ToHaveValueAsync("抄送 1");
            await TypeAsync(page, "name-zh", "抄送部门经理");
            await Assertions.Expect(page.Locator("[data-testid=step][data-kind=copy] [data-testid=step-summary]")).ToHaveTextAsync("抄送：发起人的直属上级");
            await analyst.ScreenshotAsync("approval-designer-zh");
            await Click(page.GetByTestId("designer-save"));
            await Assertions.Expect(page.GetByTestId("designer-version")).ToHaveTextAsync("已发布版本 1");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/workflows/approvals/expense_claim_approval$"));
        }

        clock.Stop();
        output.WriteLine($"Analyst's part (entity and approval): {clock.Elapsed.TotalSeconds:0.0} s of scripted steps, {clicks} clicks.");

        // What an administrator sets up meanwhile: who may work with claims.
        await GrantAsync(api, claimant, "Records.expense_claim.Create", "Records.expense_claim.Read.Own", "Records.expense_claim.Update.Own");
        await GrantAsync(api, head, "Records.expense_claim.Read.Department");
        await GrantAsync(api, accountant, "Records.expense_claim.Read.All");

        string claim;
        await using (var staff = await BrowserSession.OpenAsync("zh-CN"))
        {
            var page = staff.Page;
            await SignInAsync(staff, host, "/records/expense_claim/new", "zhang", Password);
            await TypeAsync(page, "field-reason", "上海展会差旅");
            await TypeAsync(page, "field-amount", "8000");
            await page.GetByTestId("record-save").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/expense_claim/[0-9a-f-]{36}$"));
            claim = page.Url[(page.Url.LastIndexOf('/') + 1)..];
            await page.GetByTestId("approval-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("submit-first-steps")).ToContainTextAsync("上级审批 · 李经理");
            await page.GetByTestId("submit-confirm").ClickAsync();
            await Assertions.Expect(page.GetByTestId("approval-status")).ToHaveTextAsync("审批中");
            await Assertions.Expect(page.GetByTestId("approval-pending")).ToHaveTextAsync("等待 李经理 处理");
        }

        await using (var boss = await BrowserSession.OpenAsync("zh-CN"))
        {
            var page = boss.Page;
            await SignInAsync(boss, host, "/tasks", "li", Password);
            await page.GetByTestId("inbox-task").Filter(new() { HasText = "上级审批" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("task-record")).ToContainTextAsync("8,000.00");
            await page.GetByTestId("task-comment").FillAsync("同意报销");
            await page.GetByTestId("approve").ClickAsync();
            await Assertions.Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();
        }

        await using (var accounts = await BrowserSession.OpenAsync("zh-CN"))
        {
            var page = accounts.Page;
            await SignInAsync(accounts, host, "/tasks", "qian", Password);
            await page.GetByTestId("inbox-task").Filter(new() { HasText = "财务审批" }).ClickAsync();
            await page.GetByTestId("task-comment").FillAsync("缺少发票");
            await page.GetByTestId("reject").ClickAsync();
            await Assertions.Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();
        }

        await using (var staff = await BrowserSession.OpenAsync("zh-CN"))
        {
            var page = staff.Page;
            await SignInAsync(staff, host, $"/records/expense_claim/{claim}", "zhang", Password);
            await Assertions.Expect(page.GetByTestId("approval-status")).ToHaveTextAsync("已驳回");
            var timeline = page.GetByTestId("approval-timeline");
            await Assertions.Expect(timeline).ToContainTextAsync("费用报销审批 · 张三 提交");
            await Assertions.Expect(timeline).ToContainTextAsync("上级审批 · 李经理：同意");
            await Assertions.Expect(timeline).ToContainTextAsync("“同意报销”");
            await Assertions.Expect(timeline).ToContainTextAsync("财务审批 · 钱会计：驳回");
            await Assertions.Expect(timeline).ToContainTextAsync("“缺少发票”");
            // Rejected, the claim is the employee's to change again.
            await Assertions.Expect(page.GetByTestId("record-held")).ToHaveCountAsync(0);
            await staff.ScreenshotAsync("approval-rejected-timeline-zh");
        }
    }

    /// <summary>A role held by <paramref name="user"/>, with no permission yet; its id.</summary>
    private static async Task<string> RoleAsync(HttpClient api, string name, string user)
    {
        var role = await CreatedIdAsync(await api.PostAsJsonAsync("/api/admin/roles", new { name, permissions = Array.Empty<string>() }));
        var granted = await api.PatchAsJsonAsync($"/api/admin/users/{user}", new { roles = new[] { name } });
        Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        return role;
    }

    private static async Task GrantAsync(HttpClient api, string role, params string[] permissions)
    {
        var changed = await api.PatchAsJsonAsync($"/api/admin/roles/{role}", new { permissions });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
    }
}
