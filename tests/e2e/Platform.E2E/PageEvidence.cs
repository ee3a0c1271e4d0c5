using Microsoft.Playwright;

namespace Platform.E2E;

/// <summary>
/// What a page and its host showed when a step did not come out as expected, so a failure in a loaded CI run says more than
/// "element not found": whether the circuit was alive, whether Blazor showed its error bar, what the named parts said, and the
/// host's last complaints. A screenshot is kept next to the others.
/// </summary>
internal static class PageEvidence
{
    public static async Task<string> DescribeAsync(BrowserSession browser, HostProcess host, string name, params string[] testIds)
    {
        var page = browser.Page;
        var parts = new List<string>
        {
            $"at {page.Url}",
            $"interactive {await page.Locator("[data-interactive=true]").CountAsync()}",
            $"reconnect dialog {await page.Locator("#components-reconnect-modal:visible").CountAsync()}",
            $"error bar {await page.Locator("#blazor-error-ui:visible").CountAsync()}",
        };
        foreach (var testId in testIds)
        {
            var part = page.GetByTestId(testId);
            var text = await part.CountAsync() > 0 ? await part.First.InnerTextAsync(new() { Timeout = 2000 }) : "(none)";
            parts.Add($"{testId}: {Shorten(text)}");
        }

        try
        {
            await browser.ScreenshotAsync("failed-" + name);
        }
        catch (PlaywrightException e)
        {
            parts.Add($"no screenshot ({e.Message.Split('\n')[0]})");
        }

        var complaints = host.Log.Split('\n').Where(l => l.Contains("fail", StringComparison.OrdinalIgnoreCase) || l.Contains("Exception", StringComparison.Ordinal)).TakeLast(20);
        return string.Join("; ", parts) + $"; the host said:{Environment.NewLine}" + string.Join(Environment.NewLine, complaints);
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" | ");
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
