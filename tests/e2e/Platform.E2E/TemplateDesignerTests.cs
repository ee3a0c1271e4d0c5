using Microsoft.Playwright;

namespace Platform.E2E;

/// <summary>
/// The template designer in a real browser, in Chinese: a template made from the sample's blank form alone — marks taken by
/// clicking them, cells by double-clicking the printed boxes (snapped to their ruling lines), a row made line items repeated
/// down the form, a size grid, the record mapping — saved, undone and redone, published, tested on a filled scan, and offered
/// for new batches.
/// </summary>
public sealed class TemplateDesignerTests
{
    private static string Package => SampleTemplateDesigner.Package;

    private static SampleTemplateDesigner.SampleTemplate Sample => SampleTemplateDesigner.Sample;

    [SkippableFact]
    public async Task A_template_designed_on_the_blank_form_reads_a_filled_scan_and_is_offered_for_batches()
    {
        BrowserSession.SkipUnlessAvailable();
        var folder = Directory.CreateTempSubdirectory("e2e-designer-").FullName;
        try
        {
            await ScanBatchPageTests.RenderCorpusAsync(folder, 1);
            var scan = Directory.GetFiles(folder, "page-*.jpg").Single();
            await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Package));
            await using var browser = await BrowserSession.OpenAsync("zh-CN", 1600, 1300);
            var page = browser.Page;
            var designer = new SampleTemplateDesigner(page);
            await PageDriver.SignInAsync(browser, host, "/ocr/templates");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("表单模板");

            await PageDriver.TypeAsync(page, "template-name", "fair_sheet");
            await PageDriver.TypeAsync(page, "template-label-zh", "订货单（设计器）");
            await PageDriver.TypeAsync(page, "template-label-en", "Order sheet (designer)");
            await PageDriver.ChooseFilesAsync(page, "template-blank", Path.Combine(Package, "ocr", "apparel_order.blank.png"));
            await page.GetByTestId("template-create").ClickAsync();
            await Assertions.Expect(page.GetByTestId("designer")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("未发布");
            await Assertions.Expect(page.GetByTestId("designer-problems")).ToContainTextAsync("anchors: 现有 0 个；表单需要 4 个定位标记，每个角附近一个。");
            await page.Locator("button[title='缩小']").ClickAsync();

            // The four registration marks: one click on each takes the square exactly.
            await SampleTemplateDesigner.ChooseToolAsync(page, "mark");
            foreach (var anchor in Sample.Anchors)
            {
                await designer.ClickAsync(anchor.X + (anchor.Size / 2), anchor.Y + (anchor.Size / 2));
            }

            await Assertions.Expect(page.GetByTestId("mark-settings")).ToBeVisibleAsync();
            await page.GetByTestId("designer-canvas").PressAsync("Escape");
            await Assertions.Expect(page.GetByTestId("form-settings")).ToContainTextAsync("定位标记 4/4，单元格 0 个");

            // Header cells: a double click in a printed box makes a cell of exactly that box.
            await SampleTemplateDesigner.ChooseToolAsync(page, "select");
            var dealer = Sample.Cells.Single(c => c.Field == "dealer_code");
            await designer.NewCellAsync(dealer, "dealer_code");
            foreach (var (testId, expected) in new[] { ("place-x", dealer.X), ("place-y", dealer.Y), ("place-width", dealer.Width), ("place-height", dealer.Height) })
            {
                var value = int.Parse(await PageDriver.Input(page, testId).InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(value - expected) <= 2, $"{testId}: {value}, the printed box has {expected}");
            }

            await PageDriver.TypeAsync(page, "cell-whitelist", "D0123456789");
            await PageDriver.TypeAsync(page, "cell-pattern", @"^D\d{4}$");
            await designer.NewCellAsync(Sample.Cells.Single(c => c.Field == "order_date"), "order_date");

            // The first line's boxes, made a row group: pitch and count come from the boxes below.
            var lines = Sample.Rows.Single();
            foreach (var cell in lines.Cells)
            {
                await designer.NewCellAsync(cell, cell.Field, lines.Y);
                if (cell.Type == "digits")
                {
                    await PageDriver.ChooseAsync(page, "cell-kind", "手写数字");
                }

                if (cell.SumOf is { } sum)
                {
                    await PageDriver.TypeAsync(page, "cell-sum-of", string.Join(", ", sum)); // the row's total: no size of the grid
                }
            }

            await page.Keyboard.DownAsync("Shift");
            foreach (var cell in lines.Cells.SkipLast(1))
            {
                await designer.ClickAsync(cell.X + (cell.Width / 2), lines.Y + cell.Y + (cell.Height / 2));
            }

            await page.Keyboard.UpAsync("Shift");
            await page.GetByTestId("designer-make-rows").ClickAsync();
            await Assertions.Expect(PageDriver.Input(page, "rows-count")).ToHaveValueAsync("15");
            await Assertions.Expect(PageDriver.Input(page, "rows-pitch")).ToHaveValueAsync(lines.Pitch.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByTestId("rows-grid").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=grid-size][data-cell=qty_xl]")).ToHaveValueAsync("XL");
            await Assertions.Expect(page.Locator("[data-testid=grid-size][data-cell=row_total]")).ToHaveValueAsync("");

            // Which records the sheets become.
            await page.GetByTestId("designer-canvas").PressAsync("Escape");
            await PageDriver.ChooseAsync(page, "form-entity", "订货会订单");
            await PageDriver.ChooseAsync(page, "form-lines-field", "订货明细");
            await Assertions.Expect(page.GetByTestId("form-lines-rows")).ToContainTextAsync("lines");
            await designer.SelectAsync(dealer.X + 20, dealer.Y + 20);
            await PageDriver.ChooseAsync(page, "cell-maps-to", "经销商编号");
            await designer.SelectAsync(lines.Cells[0].X + 20, lines.Y + lines.Cells[0].Y + 20);
            await PageDriver.ChooseAsync(page, "cell-maps-to", "款号");
            await page.GetByTestId("cell-open-rows").ClickAsync();
            await PageDriver.ChooseAsync(page, page.Locator("[data-testid=grid-maps-to][data-value=size]"), "尺码");
            await PageDriver.ChooseAsync(page, page.Locator("[data-testid=grid-maps-to][data-value=quantity]"), "数量");

            // Undo and redo: a deleted cell comes back, and goes again.
            await designer.SelectAsync(930 + 20, 190 + 20);
            await page.GetByTestId("designer-canvas").PressAsync("Delete");
            await page.GetByTestId("designer-canvas").PressAsync("Escape");
            await Assertions.Expect(page.GetByTestId("form-settings")).ToContainTextAsync("单元格 1 个");
            await page.GetByTestId("designer-canvas").PressAsync("Control+z");
            await Assertions.Expect(page.GetByTestId("form-settings")).ToContainTextAsync("单元格 2 个");
            await page.GetByTestId("designer-redo").ClickAsync();
            await Assertions.Expect(page.GetByTestId("form-settings")).ToContainTextAsync("单元格 1 个");
            await page.GetByTestId("designer-undo").ClickAsync();
            await Assertions.Expect(page.GetByTestId("form-settings")).ToContainTextAsync("单元格 2 个");

            await page.GetByTestId("designer-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("designer-message")).ToContainTextAsync("草稿已保存，内容完整，可以发布。");
            await page.GetByTestId("designer-publish").ClickAsync();
            await Assertions.Expect(page.GetByTestId("designer-message")).ToContainTextAsync("已发布为第 1 版");
            await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("已发布 v1");

            // A filled sheet read with it: the dealer code as written.
            await PageDriver.ChooseFilesAsync(page, "designer-test-file", scan);
            var read = page.Locator("[data-testid=designer-test-cell][data-path=dealer_code] td").Nth(1);
            await Assertions.Expect(read).ToHaveTextAsync(ScanBatchPageTests.Truth(scan, "dealer_code"), new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator(".td-test-value[data-path=dealer_code]")).ToHaveTextAsync(ScanBatchPageTests.Truth(scan, "dealer_code"));
            await browser.ScreenshotAsync("template-designer-zh");

            await page.GotoAsync($"{host.BaseUrl}/ocr/batches");
            await browser.WaitUntilInteractiveAsync();
            await PageDriver.ChooseAsync(page, "ocr-template", "订货单（设计器）");
            await Assertions.Expect(page.GetByTestId("ocr-template")).ToContainTextAsync("订货单（设计器）");

            // The same designer in English.
            await page.GotoAsync($"{host.BaseUrl}/culture/set?culture=en&returnUrl={Uri.EscapeDataString("/ocr/templates/fair_sheet/design")}");
            await Assertions.Expect(page.GetByTestId("designer")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("published v1");
            await Assertions.Expect(page.GetByTestId("designer-save")).ToContainTextAsync("Save draft");
            await Assertions.Expect(page.GetByTestId("form-settings")).ToContainTextAsync("4 of 4 marks, 2 cells, 1 row groups.");
            await Assertions.Expect(page.GetByTestId("designer-problems")).ToHaveCountAsync(0);
            var corner = Sample.Anchors[0];
            await SampleTemplateDesigner.ChooseToolAsync(page, "select");
            await designer.ClickAsync(corner.X + (corner.Size / 2), corner.Y + (corner.Size / 2));
            await Assertions.Expect(page.GetByTestId("mark-settings")).ToBeVisibleAsync();
            await page.GetByTestId("designer-canvas").PressAsync("Delete");
            await Assertions.Expect(page.GetByTestId("designer-problems")).ToContainTextAsync("anchors: 3 given; a form needs 4 registration marks, one near each corner.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
