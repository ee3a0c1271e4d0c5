using Microsoft.Playwright;

namespace Platform.E2E;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download): one browser for the whole run, started on first use, and
/// a fresh context per test — its own cookies, storage and language, nothing shared with the test before.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumVariable = "PLATFORM_TEST_CHROMIUM";

    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static string? ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public static void SkipUnlessAvailable() =>
        Skip.If(ChromiumPath is null, $"Browser tests need Debian's chromium (/usr/bin/chromium or {ChromiumVariable}); scripts/test.sh installs it.");

    public static async Task<BrowserSession> OpenAsync(string locale, int width = 1280, int height = 800)
    {
        SkipUnlessAvailable();
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(20_000);
        // The other test projects (OCR reading on both cores) run beside the browser tests: expectations wait as long as actions.
        Assertions.SetDefaultExpectTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    /// <summary>The run's Chromium, launched again should it have gone away.</summary>
    private static async Task<IBrowser> BrowserAsync()
    {
        await Starting.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return _browser;
        }
        finally
        {
            Starting.Release();
        }
    }

    /// <summary>Waits until the Blazor circuit is connected and the page answers clicks.</summary>
    public Task WaitUntilInteractiveAsync() => Page.Locator("[data-interactive=true]").WaitForAsync();

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
    }
}
