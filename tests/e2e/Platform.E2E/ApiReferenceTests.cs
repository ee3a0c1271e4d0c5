using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// The API reference page (<c>/api/reference</c>) in the browser: signed in, a developer finds each entity's operations there,
/// described from the metadata (销售订单 / Sales order: list), read from the platform's own OpenAPI document, loading nothing from
/// elsewhere.
/// </summary>
public sealed class ApiReferenceTests
{
    private static string Crm => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "crm");

    [SkippableFact]
    public async Task A_developer_finds_each_entitys_operations_on_the_reference_page()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Crm));
        await using var browser = await BrowserSession.OpenAsync("zh-CN", 1400, 900);
        var page = browser.Page;
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(host.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        await SignInAsync(browser, host, "/");

        var document = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/openapi/v1.json", StringComparison.Ordinal));
        await page.GotoAsync($"{host.BaseUrl}/api/reference/");
        Assert.Equal(200, (await document).Status);
        await Assertions.Expect(page.GetByText("Business App Platform API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Screen(page, "api-reference");
        // The records' operations, under their tag, each linked by its method and path.
        await page.GotoAsync($"{host.BaseUrl}/api/reference/#tag/records/GET/odata/sales_order");
        await Assertions.Expect(page.GetByText("销售订单 / Sales order: list").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Screen(page, "api-reference-sales-order");
        Assert.Empty(elsewhere);
    }

    /// <summary>What the screen shows (the whole reference page is tens of thousands of pixels long).</summary>
    private static Task<byte[]> Screen(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png") });
}
