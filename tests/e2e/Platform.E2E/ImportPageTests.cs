using System.IO.Compression;
using System.Security;
using System.Text;
using Microsoft.Playwright;

namespace Platform.E2E;

/// <summary>The import page in a real browser: a 1,000-row workbook with 3 bad rows, all or nothing and then skipping the bad rows, with the error report; an export imported back in upsert mode; columns mapped by hand.</summary>
public sealed class ImportPageTests
{
    [SkippableFact]
    public async Task A_workbook_with_three_bad_rows_imports_nothing_then_everything_else_and_reports_the_three()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", PageDriver.Samples));
        var workbook = Path.Combine(Path.GetTempPath(), $"products-{Guid.NewGuid():N}.xlsx");
        File.WriteAllBytes(workbook, Workbook());
        try
        {
            await using var browser = await BrowserSession.OpenAsync("zh-CN");
            var page = browser.Page;
            await PageDriver.SignInAsync(browser, host, "/records/product");
            await page.GetByTestId("import-open").ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("导入产品");

            await ChooseFileAsync(host, browser, workbook);
            await Assertions.Expect(page.GetByTestId("import-rows")).ToHaveTextAsync("文件共 1000 行");
            await Assertions.Expect(page.GetByTestId("import-mapping")).ToContainTextAsync("产品编码");
            await Assertions.Expect(page.GetByTestId("import-preview-problems")).ToContainTextAsync("“abc”不是数字。");

            await page.GetByTestId("import-start").ClickAsync();
            await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("未导入任何记录：3 行有问题。");
            var report = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("import-report").ClickAsync());
            var lines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await report.PathAsync())!)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(["行,问题", "6", "501", "901"], lines.Select((l, i) => i == 0 ? l : l.Split(',')[0]));

            await page.GetByTestId("import-on-error").GetByText("跳过错误行").ClickAsync();
            await page.GetByTestId("import-start").ClickAsync();
            await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("新增 997 条，更新 0 条，3 行有问题。");
            await browser.ScreenshotAsync("import-zh");

            await page.GotoAsync(host.BaseUrl + "/records/product");
            await browser.WaitUntilInteractiveAsync();
            await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 997 条");
        }
        finally
        {
            File.Delete(workbook);
        }
    }

    [SkippableFact]
    public async Task An_exported_list_imported_again_in_upsert_mode_adds_nothing_and_columns_can_be_pointed_at_fields_by_hand()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", PageDriver.Samples));
        using var api = await PageDriver.AdminApiAsync(host);
        for (var i = 1; i <= 30; i++)
        {
            await PageDriver.PostAsync(api, "product", new { code = $"P-{i:D3}", name = $"羊毛衫 {i}", price = 10m * i });
        }

        var exported = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        var typed = Path.Combine(Path.GetTempPath(), $"typed-{Guid.NewGuid():N}.csv");
        try
        {
            await using var browser = await BrowserSession.OpenAsync("zh-CN");
            var page = browser.Page;
            await PageDriver.SignInAsync(browser, host, "/records/product");
            await Assertions.Expect(page.GetByTestId("record-count")).ToHaveTextAsync("共 30 条");
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());
            await download.SaveAsAsync(exported);

            // The export, imported back with the code as the key: every record is updated, none added.
            await page.GetByTestId("import-open").ClickAsync();
            await ChooseFileAsync(host, browser, exported);
            await Assertions.Expect(page.GetByTestId("import-rows")).ToHaveTextAsync("文件共 30 行");
            await page.GetByTestId("import-mode").GetByText("新增或更新").ClickAsync();
            await page.GetByTestId("import-start").ClickAsync();
            await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("新增 0 条，更新 30 条，0 行有问题。");

            // Headings no field is called: pointed at fields by hand, the missing required fields are then filled.
            await File.WriteAllTextAsync(typed, "编号,名字\nX-001,手套\n", new UTF8Encoding(true));
            await PageDriver.ChooseFilesAsync(page, page.GetByTestId("import-file"), [typed]);
            await Assertions.Expect(page.GetByTestId("import-missing")).ToContainTextAsync("产品编码");
            await PageDriver.ChooseAsync(page, "import-map-编号", "产品编码");
            await PageDriver.ChooseAsync(page, "import-map-名字", "产品名称");
            await Assertions.Expect(page.GetByTestId("import-missing")).ToHaveCountAsync(0);
            await page.GetByTestId("import-mode").GetByText("仅新增").ClickAsync();
            await page.GetByTestId("import-start").ClickAsync();
            await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("新增 1 条，更新 0 条，0 行有问题。");

            var products = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, "/odata/product?$count=true&$filter=code eq 'X-001'");
            Assert.Equal("手套", products.GetProperty("value")[0].GetProperty("name").GetString());
            var all = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, "/odata/product?$count=true");
            Assert.Equal(31, all.GetProperty("@odata.count").GetInt32());
        }
        finally
        {
            File.Delete(exported);
            File.Delete(typed);
        }
    }

    /// <summary>A minimal .xlsx (inline strings): 1,000 products; rows 6, 501 and 901 bad (a price that is no number, a stock that is no number, no name).</summary>
    private static byte[] Workbook()
    {
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        void Row(int number, params string?[] cells)
        {
            sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{number}\">");
            foreach (var cell in cells)
            {
                sheet.Append(cell is null ? "<c/>" : $"<c t=\"inlineStr\"><is><t>{SecurityElement.Escape(cell)}</t></is></c>");
            }

            sheet.Append("</row>");
        }

        Row(1, "产品编码", "产品名称", "单价", "安全库存");
        for (var i = 1; i <= 1000; i++)
        {
            Row(i + 1, $"P-{i:D4}", i == 900 ? null : $"羊毛衫 {i}", i == 5 ? "abc" : $"{i}.5", i == 500 ? "many" : "10");
        }

        sheet.Append("</sheetData></worksheet>");
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="产品" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add("xl/worksheets/sheet1.xml", sheet.ToString());
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Chooses the file in the import dialog; under load the dialog's file input can be replaced by its first render right after
    /// the file was set, so a choice the page never read is made again.
    /// </summary>
    private static async Task ChooseFileAsync(HostProcess host, BrowserSession browser, string file)
    {
        var page = browser.Page;
        for (var attempt = 1; ; attempt++)
        {
            await PageDriver.ChooseFilesAsync(page, page.GetByTestId("import-file"), [file], again: attempt > 1);
            try
            {
                // The rows, or the page saying it could not read the file just now (then it is chosen again, as a person would).
                await page.GetByTestId("import-rows").Or(page.GetByTestId("import-error")).First.WaitForAsync(new() { Timeout = 30_000 });
                if (await page.GetByTestId("import-rows").CountAsync() > 0)
                {
                    return;
                }

                if (attempt >= 3)
                {
                    throw new TimeoutException("the import page refused the file three times");
                }
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
            catch (TimeoutException e)
            {
                // What the page showed instead, so a failure under load says whether the choice was never read or was refused.
                throw new TimeoutException($"the import page never showed the rows of {Path.GetFileName(file)}: " +
                    await PageEvidence.DescribeAsync(browser, host, "import", "import-file-chosen", "import-error"), e);
            }
        }
    }
}
