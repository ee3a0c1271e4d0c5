using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.E2E;

/// <summary>An approver's inbox in a real browser: the task with its record and history, a refusal without a reason, approval.</summary>
public sealed class InboxTests
{
    private const string Process = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <process id="customer_check" name="客户审核" isExecutable="true">
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
            <userTask id="review" name="审核客户资料"/>
            <sequenceFlow id="f2" sourceRef="review" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;

    [SkippableFact]
    public async Task An_approver_sees_the_task_with_its_record_and_approves_it_in_chinese()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", PageDriver.Samples));
        var (api, instance) = await StartCheckAsync(host, Process);
        using var _ = api;

        await using var browser = await OpenInboxAsync(host, "zh-CN");
        var page = browser.Page;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的待办");
        await Assertions.Expect(page.Locator(".platform-nav")).ToContainTextAsync("我的待办");

        // Each task in the list names its record and amount, so look-alike tasks tell apart.
        await Assertions.Expect(page.GetByTestId("inbox-task").Filter(new() { HasText = "审核客户资料" }).GetByTestId("inbox-task-record")).ToHaveTextAsync("宁波针织厂 · 50,000.00");
        await page.GetByTestId("inbox-task").Filter(new() { HasText = "审核客户资料" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-record")).ToContainTextAsync("宁波针织厂");
        // The record reads as its form does: the choice's label, money with two decimals, the parent by its name.
        await Assertions.Expect(page.GetByTestId("task-record")).ToContainTextAsync("VIP 客户");
        await Assertions.Expect(page.GetByTestId("task-record")).ToContainTextAsync("50,000.00");
        await Assertions.Expect(page.GetByTestId("task-record")).ToContainTextAsync("甬江纺织集团");
        await Assertions.Expect(page.GetByTestId("task-record-open")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("records/customer/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("task-history")).ToContainTextAsync("客户审核 · admin 提交"); // who started it, by name (not their account id)
        await Assertions.Expect(page.GetByTestId("task-history")).ToContainTextAsync("审核客户资料 · 待 ");

        // Rejecting needs a reason: the refusal is shown and the task stays.
        await page.GetByTestId("reject").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-error")).ToContainTextAsync("请填写驳回理由");
        await browser.ScreenshotAsync("inbox-zh");

        await page.GetByTestId("task-comment").FillAsync("资料齐全");
        await page.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();

        var finished = await api.GetFromJsonAsync<JsonElement>($"/api/workflows/instances/{instance}");
        Assert.Equal("completed", finished.GetProperty("instance").GetProperty("status").GetString());
        var review = finished.GetProperty("tasks").EnumerateArray().Single();
        Assert.Equal(("approved", "资料齐全"), (review.GetProperty("outcome").GetString(), review.GetProperty("comment").GetString()));
    }

    [SkippableFact]
    public async Task A_request_rejected_back_to_its_initiator_is_withdrawn_from_the_inbox_in_english()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", PageDriver.Samples));
        var (api, instance) = await StartCheckAsync(host, Process.Replace("name=\"审核客户资料\"", "name=\"Review the customer\" xmlns:platform=\"https://schemas.platform.local/bpmn\" platform:onReject=\"initiator\"", StringComparison.Ordinal));
        using var _ = api;
        await using var browser = await OpenInboxAsync(host, "en-US");
        var page = browser.Page;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My tasks");

        await page.GetByTestId("inbox-task").Filter(new() { HasText = "Review the customer" }).ClickAsync();
        await page.GetByTestId("task-comment").FillAsync("Add the tax number");
        await page.GetByTestId("reject").ClickAsync();

        // Back with the initiator (the admin started it): resubmit or withdraw, no approval buttons.
        await Assertions.Expect(page.GetByTestId("inbox-task").Filter(new() { HasText = "Review the customer" })).ToHaveCountAsync(0);
        await page.GetByTestId("inbox-task").Filter(new() { HasText = "客户审核" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("returned-to-you")).ToContainTextAsync("came back to you");
        await Assertions.Expect(page.GetByTestId("task-history")).ToContainTextAsync("Add the tax number");
        await Assertions.Expect(page.GetByTestId("approve")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("inbox-returned-en");
        await page.GetByTestId("withdraw").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inbox-empty")).ToHaveTextAsync("Nothing waits for you.");

        var finished = await api.GetFromJsonAsync<JsonElement>($"/api/workflows/instances/{instance}");
        Assert.Equal("withdrawn", finished.GetProperty("instance").GetProperty("status").GetString());
    }

    /// <summary>Deploys the check process and starts it on a new customer as the administrator, through the API.</summary>
    private static async Task<(HttpClient Api, Guid Instance)> StartCheckAsync(HostProcess host, string process)
    {
        var api = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await api.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = HostProcess.AdminPassword });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        Assert.True((await api.PostAsync("/api/workflows/processes", new StringContent(process, Encoding.UTF8, "application/xml"))).IsSuccessStatusCode);
        var group = await (await api.PostAsJsonAsync("/odata/customer", new { name = "甬江纺织集团" })).Content.ReadFromJsonAsync<JsonElement>();
        var customer = await (await api.PostAsJsonAsync("/odata/customer", new { name = "宁波针织厂", region = "华东", grade = "vip", creditLimit = 50000m, parent = group.GetProperty("id").GetGuid() })).Content.ReadFromJsonAsync<JsonElement>();
        var started = await api.PostAsJsonAsync("/api/workflows/processes/customer_check/instances", new { entity = "customer", recordId = customer.GetProperty("id").GetGuid() });
        return (api, (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    private static async Task<BrowserSession> OpenInboxAsync(HostProcess host, string locale)
    {
        var browser = await BrowserSession.OpenAsync(locale);
        var page = browser.Page;
        await page.GotoAsync(host.BaseUrl + "/tasks");
        await page.FillAsync("#userName", "admin");
        await page.FillAsync("#password", HostProcess.AdminPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await Assertions.Expect(page).ToHaveURLAsync(host.BaseUrl + "/tasks");
        await browser.WaitUntilInteractiveAsync();
        return browser;
    }
}
