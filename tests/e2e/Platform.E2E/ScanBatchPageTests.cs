using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.E2E;

/// <summary>
/// The scan batches page in a real browser, in Chinese: a stack of filled-in order sheets (and one file that
/// is no scan) dropped on the page becomes a batch, read in the background while the page shows its
/// progress; each sheet's state, the bad file's reason, and a read sheet's cells with their pictures; proofread
/// vertically, then sheet by sheet, the sheets become orders whose export and totals add up to what was written.
/// </summary>
public sealed class ScanBatchPageTests
{
    private static string Package => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "trade-fair-orders");

    [SkippableFact]
    public async Task Scans_dropped_on_the_page_become_a_batch_whose_sheets_are_read_with_their_cells_shown_in_chinese()
    {
        BrowserSession.SkipUnlessAvailable();
        var folder = Directory.CreateTempSubdirectory("e2e-scans-").FullName;
        try
        {
            await RenderCorpusAsync(folder, 4);
            var scans = Directory.GetFiles(folder, "page-*.jpg").Order(StringComparer.Ordinal).ToList();
            var bad = Path.Combine(folder, "notes.jpg");
            await File.WriteAllTextAsync(bad, "not a scan");
            await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Package));
            await AddDealersAsync(host, scans, "D0001");
            await using var browser = await BrowserSession.OpenAsync("zh-CN");
            var page = browser.Page;
            await PageDriver.SignInAsync(browser, host, "/ocr/batches");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("扫描批次");
            await Assertions.Expect(page.GetByTestId("ocr-no-batches")).ToBeVisibleAsync();

            await PageDriver.TypeAsync(page, "ocr-batch-name", "春季订货会 2 号馆");
            await PageDriver.ChooseFilesAsync(page, "ocr-files", [.. scans, bad]);
            await Assertions.Expect(page.GetByTestId("ocr-files-chosen")).ToContainTextAsync("5 个文件");
            await page.GetByTestId("ocr-upload-start").ClickAsync();

            await Assertions.Expect(page.GetByTestId("ocr-batch-name")).ToHaveTextAsync("春季订货会 2 号馆", new() { Timeout = 30_000 });
            var batchUrl = page.Url;
            await Assertions.Expect(page.GetByTestId("ocr-batch-progress")).ToHaveAttributeAsync("data-state", "read", new() { Timeout = 90_000 });
            await Assertions.Expect(page.GetByTestId("ocr-page-row")).ToHaveCountAsync(5);
            await Assertions.Expect(page.Locator("[data-testid=ocr-page-row][data-state=read]")).ToHaveCountAsync(4);
            var rejected = page.Locator("[data-testid=ocr-page-row][data-state=rejected]");
            await Assertions.Expect(rejected.GetByTestId("ocr-page-state")).ToHaveTextAsync("拒收");
            await Assertions.Expect(rejected.GetByTestId("ocr-page-reason")).ToHaveTextAsync("不是扫描件：请用 PNG、JPEG、TIFF、BMP、PNM 或 PDF。");
            await Assertions.Expect(rejected.GetByTestId("ocr-page-reason")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("not an image"));
            await Assertions.Expect(page.GetByTestId("ocr-batch-counts")).ToContainTextAsync("5 个文件，5 页：已识别 4 页");

            await page.GetByTestId("ocr-page-open").First.ClickAsync();
            var dealer = page.Locator("[data-testid=ocr-cell-row][data-path=dealer_code]");
            await Assertions.Expect(dealer.Locator("td").First).ToHaveTextAsync("经销商编号");
            await Assertions.Expect(dealer.GetByTestId("ocr-cell-value")).ToHaveTextAsync(Truth(scans[0], "dealer_code"));
            await Assertions.Expect(dealer.Locator("img")).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await dealer.Locator("img").EvaluateAsync<int>("i => i.naturalWidth") > 0, "the cell's picture did not load");
            await browser.ScreenshotAsync("ocr-batch-zh");

            // Vertical proofreading: the dealer codes side by side; one corrected by typing, the rest confirmed as a group.
            await page.GetByTestId("ocr-proofread").ClickAsync();
            await page.GetByTestId("ocr-field-dealer_code").ClickAsync();
            await Assertions.Expect(page.GetByTestId("ocr-field-dealer_code")).ToContainTextAsync("经销商编号 · 待确认 4");
            await Assertions.Expect(page.GetByTestId("ocr-tile")).ToHaveCountAsync(4);
            var firstTile = page.GetByTestId("ocr-tile").First;
            var correctedPage = int.Parse((await firstTile.GetAttributeAsync("data-page"))!, System.Globalization.CultureInfo.InvariantCulture);
            await firstTile.ClickAsync();
            await Assertions.Expect(page.GetByTestId("ocr-selected")).ToHaveTextAsync("已选 1 格");
            await page.GetByTestId("ocr-new-value").FillAsync("D0001");
            await page.GetByTestId("ocr-new-value").PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("ocr-message")).ToHaveTextAsync("已确认 1 格。");
            await Assertions.Expect(page.Locator("[data-testid=ocr-group][data-value=D0001]")).ToContainTextAsync("“D0001” · 1 格，待确认 0");
            for (var left = await page.GetByTestId("ocr-accept-group").CountAsync(); left > 0; left--)
            {
                await page.GetByTestId("ocr-accept-group").First.ClickAsync();
                await Assertions.Expect(page.GetByTestId("ocr-accept-group")).ToHaveCountAsync(left - 1);
            }

            await Assertions.Expect(page.GetByTestId("ocr-field-done")).ToContainTextAsync("这个字段的单元格都已确认。");
            await Assertions.Expect(page.GetByTestId("ocr-field-dealer_code")).ToContainTextAsync("待确认 0");
            // Quantities: everything the reader had no doubt about confirmed at once; only flagged cells are left.
            await page.GetByTestId("ocr-field-qty_m").ClickAsync();
            await Assertions.Expect(page.GetByTestId("ocr-group").First).ToBeVisibleAsync();
            var flagged = await page.Locator(".ocr-tile-flagged").CountAsync();
            await page.GetByTestId("ocr-accept-unflagged").ClickAsync();
            await Assertions.Expect(page.GetByTestId("ocr-field-qty_m")).ToContainTextAsync($"待确认 {flagged}");
            await Assertions.Expect(page.GetByTestId("ocr-accept-unflagged")).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("ocr-proofread-zh");

            // Sheet by sheet: what still has doubts, each cell's picture beside its value; typed as the sheet says, Enter goes on.
            await page.GotoAsync(batchUrl);
            await browser.WaitUntilInteractiveAsync();
            await page.GetByTestId("ocr-verify").ClickAsync();
            await VerifyAsync(page, scans, correctedPage);

            // The orders. A row with a style but no quantity refuses its sheet, bound to the row: sheet by sheet again, the
            // proof-reader empties the row (the dealer wrote nothing to order), and the sheet becomes an order too.
            await page.GetByTestId("ocr-verify-back").ClickAsync();
            await page.GetByTestId("ocr-make-records").ClickAsync();
            await Assertions.Expect(page.GetByTestId("ocr-records-run")).ToContainTextAsync("0 张重复；还有 0 张待校对。");
            var refused = await page.GetByTestId("ocr-page-record-problem").AllInnerTextsAsync();
            Assert.All(refused, r => Assert.Matches(@"^第 \d+ 行: 第 \d+ 行填写了内容，但没有数量。$", r));
            if (refused.Count > 0)
            {
                await page.GetByTestId("ocr-verify").ClickAsync();
                await VerifyAsync(page, scans, correctedPage, emptyRowsWithoutQuantity: true);
                await page.GetByTestId("ocr-verify-back").ClickAsync();
                await page.GetByTestId("ocr-make-records").ClickAsync();
                await Assertions.Expect(page.GetByTestId("ocr-records-run")).ToContainTextAsync($"已生成 {refused.Count} 条记录，0 张被拒，0 张重复；还有 0 张待校对。");
            }

            await Assertions.Expect(page.GetByTestId("ocr-page-record-link")).ToHaveCountAsync(4);
            var quantities = scans.Sum(scan => Values(scan).Where(v => v.Key.Contains(".qty_", StringComparison.Ordinal)).Sum(v => int.Parse(v.Value, System.Globalization.CultureInfo.InvariantCulture)));
            await Assertions.Expect(page.GetByTestId("ocr-summary-total")).ToHaveTextAsync(quantities.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
            await browser.ScreenshotAsync("ocr-records-zh");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("ocr-export-csv").ClickAsync());
            var csv = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
            var quantity = csv[0].Split(',').ToList().IndexOf("数量");
            Assert.True(quantity > 0, csv[0]);
            Assert.Equal(quantities, csv.Skip(1).Sum(l => int.Parse(l.Split(',')[quantity], System.Globalization.CultureInfo.InvariantCulture)));
            // The same batch in English: the orders, the export and the totals say so.
            await page.GotoAsync($"{host.BaseUrl}/culture/set?culture=en&returnUrl={Uri.EscapeDataString(new Uri(batchUrl).AbsolutePath)}");
            await browser.WaitUntilInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("ocr-make-records")).ToContainTextAsync("Create the orders");
            await Assertions.Expect(page.GetByTestId("ocr-records-made")).ToHaveTextAsync("4 of 4 read sheets are records.");
            await Assertions.Expect(page.GetByTestId("ocr-export-xlsx")).ToContainTextAsync("Export the lines (.xlsx)");
            await Assertions.Expect(page.GetByTestId("ocr-summary").Locator("thead th").First).ToHaveTextAsync("Style no.");
            await Assertions.Expect(page.GetByTestId("ocr-verify")).ToContainTextAsync("Sheet by sheet");
            await page.GetByTestId("ocr-page-record-link").First.ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("TF-");
            await page.GotoAsync($"{host.BaseUrl}/culture/set?culture=zh-CN&returnUrl=/");

            await page.GotoAsync(host.BaseUrl + "/ocr/batches");
            await browser.WaitUntilInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("ocr-batch-row")).ToHaveCountAsync(1);
            await Assertions.Expect(page.GetByTestId("ocr-batch-row")).ToContainTextAsync("已识别 4 页");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Goes through every sheet the verification page offers, typing what the sheet really says (the dealer code of the page
    /// corrected in vertical proofreading stays D0001); a row refused for having no quantity is emptied when asked.
    /// </summary>
    private static async Task VerifyAsync(IPage page, List<string> scans, int correctedPage, bool emptyRowsWithoutQuantity = false)
    {
        var verified = 0;
        while (await page.GetByTestId("ocr-verify-done").CountAsync() == 0)
        {
            var sheet = page.GetByTestId("ocr-verify-sheet");
            await Assertions.Expect(sheet).ToBeVisibleAsync();
            var ordinal = int.Parse((await sheet.GetAttributeAsync("data-page"))!, System.Globalization.CultureInfo.InvariantCulture);
            var truth = Values(scans[ordinal - 1]);
            truth["dealer_code"] = ordinal == correctedPage ? "D0001" : truth["dealer_code"];
            foreach (var cell in await page.GetByTestId("ocr-verify-cell").AllAsync())
            {
                var path = (await cell.GetAttributeAsync("data-path"))!;
                var empty = emptyRowsWithoutQuantity && (await cell.InnerTextAsync()).Contains("没有数量", StringComparison.Ordinal);
                if (await cell.GetByTestId("ocr-verify-tick").CountAsync() > 0)
                {
                    await cell.GetByTestId("ocr-verify-tick").SetCheckedAsync(!empty && truth.GetValueOrDefault(path) == "true");
                }
                else
                {
                    await cell.GetByTestId("ocr-verify-value").FillAsync(empty ? "" : truth.GetValueOrDefault(path) ?? "");
                }
            }

            await page.GetByTestId("ocr-verify-form").Locator("input").First.PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("ocr-verify-message")).ToContainTextAsync($"第 {ordinal} 页已确认");
            Assert.True(++verified <= 8, "the same sheets came back again and again");
        }
    }

    private static Dictionary<string, string> Values(string scan) =>
        JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(scan, ".json"))).RootElement.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    /// <summary>The fair's dealer list, as it is kept before the fair: every dealer the sheets name, and <paramref name="more"/> codes.</summary>
    internal static async Task AddDealersAsync(HostProcess host, IEnumerable<string> scans, params string[] more)
    {
        using var api = await PageDriver.AdminApiAsync(host);
        foreach (var (code, name) in scans.Select(s => (Truth(s, "dealer_code"), Truth(s, "dealer_name"))).Concat(more.Select(c => (c, "经销商 " + c))).DistinctBy(d => d.Item1))
        {
            await PageDriver.PostAsync(api, "dealer", new { code, name });
        }
    }

    internal static string Truth(string scan, string field) =>
        JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(scan, ".json"))).RootElement.GetProperty("values").GetProperty(field).GetString()!;

    /// <summary>Filled-in order sheets from the trade-fair template, rendered by <c>platform ocr corpus</c>.</summary>
    internal static async Task RenderCorpusAsync(string folder, int count, int seed = 41, params string[] more)
    {
        var configuration = typeof(ScanBatchPageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var cli = Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "Platform.Cli", "bin", configuration, "net10.0", "platform.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments = [cli, "ocr", "corpus", "--template", Path.Combine(Package, "ocr", "apparel_order.template.json"), "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), .. more];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"platform ocr corpus failed: {await errors}");
    }
}
