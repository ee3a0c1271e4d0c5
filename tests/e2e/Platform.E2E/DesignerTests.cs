using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// The designer in a real browser: an analyst defines a quote with a table of lines and a computed
/// total — fields, a formula typed into the code editor (its syntax problem shown inline first),
/// a form section — confirms each dry run, and then enters a quote with two lines.
/// </summary>
public sealed class DesignerTests
{
    [SkippableFact]
    public async Task An_entity_with_a_line_item_table_defined_in_the_designer_takes_a_record_with_two_lines_and_its_total()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync();
        await using var browser = await BrowserSession.OpenAsync("zh-CN", 1400, 900);
        var page = browser.Page;
        await SignInAsync(browser, host, "/designer");

        // The line entity: item, quantity, price, and amount = quantity × price.
        await page.GetByTestId("designer-new").ClickAsync();
        await browser.WaitUntilInteractiveAsync();

        // Saving an empty entity: nothing is written, and the problems read in Chinese.
        await page.GetByTestId("designer-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-problems")).ToContainTextAsync("实体至少需要一个字段。");
        await Assertions.Expect(page.GetByTestId("designer-problems")).ToContainTextAsync("至少需要一种语言（中文或英文）的显示名称。");
        await Assertions.Expect(page.GetByTestId("dryrun-dialog")).ToHaveCountAsync(0);

        await TypeAsync(page, "entity-name", "quote_line");
        await TypeAsync(page, "entity-label-zh", "报价明细");
        await TypeAsync(page, "entity-label-en", "Quote line");
        await AddFieldAsync(page, "item", "品名", null);
        await page.GetByTestId("field-required").ClickAsync();
        await AddFieldAsync(page, "qty", "数量", "小数");
        await AddFieldAsync(page, "price", "单价", "金额");
        await AddFieldAsync(page, "amount", "金额", "计算字段");
        await ChooseAsync(page, "field-result-type", "金额");
        await TypeCodeAsync(page, "field-formula", "record.qty *");
        await Assertions.Expect(page.GetByTestId("field-formula-problem")).ToContainTextAsync("第 1 行");
        await TypeCodeAsync(page, "field-formula", "(record.qty || 0) * (record.price || 0)");
        await Assertions.Expect(page.GetByTestId("field-formula-problem")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("designer-fields-zh");
        await SaveAndApplyAsync(page, "CREATE TABLE");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer/quote_line$"));

        // The document: a customer name, the lines, and the total of their amounts, in a titled section.
        await page.GotoAsync(host.BaseUrl + "/designer/new");
        await browser.WaitUntilInteractiveAsync();
        await TypeAsync(page, "entity-name", "quote");
        await TypeAsync(page, "entity-label-zh", "报价单");
        await TypeAsync(page, "entity-label-en", "Quote");
        await AddFieldAsync(page, "customerName", "客户名称", null);
        await AddFieldAsync(page, "lines", "报价明细", "明细表");
        await ChooseAsync(page, "field-target", "quote_line");
        await AddFieldAsync(page, "total", "报价金额", "计算字段");
        await ChooseAsync(page, "field-result-type", "金额");
        await TypeCodeAsync(page, "field-formula", "sum(record.lines, 'amount')");
        await page.GetByRole(AriaRole.Tab, new() { Name = "表单布局" }).ClickAsync();
        await page.GetByTestId("section-add").ClickAsync();
        await TypeAsync(page, "section-zh-0", "基本信息");
        await page.Locator("[data-testid=form-designer-unplaced][data-field=customerName] button").ClickAsync();
        await page.Locator("[data-testid=form-designer-unplaced][data-field=total] button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-designer-field")).ToHaveCountAsync(2);
        await browser.ScreenshotAsync("designer-form-zh");
        await SaveAndApplyAsync(page, "CREATE TABLE");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer/quote$"));

        // A quote with two lines: the amounts and the total come from the formulas as the user types.
        await page.GotoAsync(host.BaseUrl + "/records/quote/new");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("form-section").First).ToContainTextAsync("基本信息");
        await TypeAsync(page, "field-customerName", "华东贸易");
        await page.GetByTestId("add-line-lines").ClickAsync();
        await TypeAsync(page, "line-0-item", "西装");
        await TypeAsync(page, "line-0-qty", "2");
        await TypeAsync(page, "line-0-price", "300");
        await page.GetByTestId("add-line-lines").ClickAsync();
        await TypeAsync(page, "line-1-item", "领带");
        await TypeAsync(page, "line-1-qty", "3");
        await TypeAsync(page, "line-1-price", "50");
        await Assertions.Expect(page.GetByTestId("line-1-amount")).ToHaveTextAsync("150.00");
        await Assertions.Expect(page.GetByTestId("field-total")).ToHaveTextAsync("750.00");
        await page.GetByTestId("record-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/quote/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("line")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("field-total")).ToHaveTextAsync("750.00");
        await browser.ScreenshotAsync("designer-quote-record-zh");
    }

    internal static async Task AddFieldAsync(IPage page, string name, string label, string? type)
    {
        await page.GetByTestId("field-add").ClickAsync();
        // The new field's settings replace the previous field's: wait for them before typing.
        await Assertions.Expect(Input(page, "field-name")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^field[0-9]+$"));
        await TypeAsync(page, "field-name", name);
        await TypeAsync(page, "field-label-zh", label);
        if (type is not null)
        {
            await ChooseAsync(page, "field-type", type);
        }
    }

    /// <summary>Replaces the text of a CodeMirror editor by typing, then leaves it so the text reaches the server.</summary>
    internal static async Task TypeCodeAsync(IPage page, string testId, string code)
    {
        var editor = page.Locator($"[data-testid={testId}] .cm-content");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Escape"); // closes a completion popup, if any
        await page.GetByTestId("designer-title").ClickAsync();
    }

    internal static async Task SaveAndApplyAsync(IPage page, string sqlHas)
    {
        await page.GetByTestId("designer-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dryrun-sql")).ToContainTextAsync(sqlHas);
        await page.GetByTestId("dryrun-apply").ClickAsync();
    }
}
