using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PuppeteerSharp;

namespace Platform.Printing.Services;

/// <summary>
/// One headless Chromium kept warm for printing (the Debian <c>chromium</c>, or <c>Platform:Printing:Chromium</c>), started on first
/// use and again if it dies, with at most <see cref="Pages"/> pages printing at once, each kept open for the next print. Every page
/// has JavaScript off and may load nothing but what the page itself holds (data: addresses): a template reaches no file and no
/// network. Closed with the host.
/// </summary>
public sealed class ChromiumPool(IConfiguration configuration, ILogger<ChromiumPool> log) : IAsyncDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly SemaphoreSlim _pages = new(Pages, Pages);
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> _idle = [];
    private IBrowser? _browser;

    /// <summary>Pages printing at once: one per core, at least two.</summary>
    public static int Pages { get; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long one page may take to load and print before it is given up.</summary>
    public static readonly TimeSpan PageTime = TimeSpan.FromSeconds(60);

    /// <summary>The Chromium program: the setting, else Debian's.</summary>
    public string Program => configuration["Platform:Printing:Chromium"] is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The browser's process id while it runs (for tests that count processes).</summary>
    public int? ProcessId => _browser is { IsConnected: true } browser ? browser.Process?.Id : null;

    /// <summary>
    /// Runs <paramref name="print"/> on a page of the warm browser: a page kept from an earlier print (starting a page starts a
    /// renderer process, the better part of a print's time), or a new one. A page that failed is closed, not kept.
    /// </summary>
    public async Task<T> WithPageAsync<T>(Func<IPage, Task<T>> print, CancellationToken cancellationToken)
    {
        await _pages.WaitAsync(cancellationToken);
        IPage? page = null;
        try
        {
            var browser = await BrowserAsync(cancellationToken);
            page = _idle.TryTake(out var kept) && !kept.IsClosed && kept.Browser == browser ? kept : await NewPageAsync(browser);
            var result = await print(page).WaitAsync(PageTime, cancellationToken);
            _idle.Add(page);
            page = null;
            return result;
        }
        finally
        {
            if (page is not null)
            {
                try
                {
                    await page.CloseAsync();
                }
                catch (PuppeteerException)
                {
                    // The browser went away: the next print starts another.
                }
            }

            _pages.Release();
        }
    }

    /// <summary>A page with JavaScript off that loads nothing but what it holds (data: addresses).</summary>
    private static async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var page = await browser.NewPageAsync();
        await page.SetJavaScriptEnabledAsync(false);
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            try
            {
                if (e.Request.Url.StartsWith("data:", StringComparison.Ordinal) || e.Request.Url == "about:blank")
                {
                    await e.Request.ContinueAsync();
                }
                else
                {
                    await e.Request.AbortAsync();
                }
            }
            catch (PuppeteerException)
            {
                // The page closed meanwhile.
            }
        };
        return page;
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }

            if (!File.Exists(Program))
            {
                throw new PrintRefusedException("Printing.Error.NoChromium", $"Printing needs Chromium at {Program} (Debian: apt-get install chromium).", Program);
            }

            log.LogInformation("Starting Chromium for printing: {Program}", Program);
            _browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                Headless = true,
                ExecutablePath = Program,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                    "--disable-background-networking", "--disable-sync", "--mute-audio", "--font-render-hinting=none"],
            });
            return _browser;
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
            _browser = null;
        }

        _starting.Dispose();
        _pages.Dispose();
    }
}
