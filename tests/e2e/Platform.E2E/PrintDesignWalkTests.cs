using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// Printing set up in the browser (zh-CN, then en): the administrator gives the company its details and logo — a file that is not a
/// picture is refused on the page — and writes a print template beside the page it prints for the newest order, drawn again as
/// they type; a template that stops parsing is marked at its line while the last good page stays; saved, it prints as a PDF.
/// </summary>
public sealed class PrintDesignWalkTests
{
    private static string Crm => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "crm");

    [SkippableFact]
    public async Task An_administrator_sets_the_company_and_its_logo_then_writes_a_template_watching_an_order_print_as_they_type()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Crm));
        using var api = await AdminApiAsync(host);
        var customer = await PostAsync(api, "customer", new { name = "宁波港机有限公司" });
        var product = await PostAsync(api, "product", new { code = "P-01", name = "液压泵", price = 1234.57m });
        var order = await PostAsync(api, "sales_order", new { customer, orderDate = "2026-12-07", lines = new[] { new { product, quantity = 2 } } });
        var number = (await api.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})")).GetProperty("orderNumber").GetString()!;

        await using var browser = await BrowserSession.OpenAsync("zh-CN", 1400, 900);
        var page = browser.Page;
        await SignInAsync(browser, host, "/settings/company");

        // The company: its details, and a logo — text named .png is refused, a real picture shows.
        await TypeAsync(page, "company-name", "上海示例贸易有限公司");
        await TypeAsync(page, "company-tax_id", "91310000MA1K000000");
        await TypeAsync(page, "company-bank", "中国工商银行上海分行");
        await TypeAsync(page, "company-account", "1001 2345 6789 0000 000");
        var logoInput = page.GetByTestId("company-logo-file");
        await ChooseFileAsync(page, logoInput, new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Encoding.UTF8.GetBytes("这不是图片") });
        await Assertions.Expect(page.GetByTestId("company-problem")).ToContainTextAsync("标志不是图片");
        var picture = await page.Locator("h1").First.ScreenshotAsync(); // a real PNG, made by the browser
        await logoInput.SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = picture });
        await Assertions.Expect(page.GetByTestId("company-logo")).ToBeVisibleAsync();
        await page.GetByTestId("company-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("company-saved")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("print-company-zh");
        var company = await api.GetFromJsonAsync<JsonElement>("/api/print/company");
        Assert.Equal("91310000MA1K000000", company.GetProperty("taxId").GetString());
        Assert.StartsWith("data:image/png;base64,", company.GetProperty("logo").GetString(), StringComparison.Ordinal);

        // The templates: the CRM's order, from its package; a new one beside the newest order as it prints.
        await page.GotoAsync($"{host.BaseUrl}/print/templates");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("print-templates")).ToContainTextAsync("print/sales_order.json");
        await page.GetByTestId("print-templates-new").ClickAsync();
        await browser.WaitUntilInteractiveAsync();
        await TypeAsync(page, "template-title-zh", "发货确认单");
        await TypeAsync(page, "template-title-en", "Dispatch note");
        await ChooseAsync(page, "template-entity", "销售订单");
        await Assertions.Expect(page.GetByTestId("template-record")).ToContainTextAsync(number);
        var printed = page.FrameLocator("[data-testid=template-preview]");
        await WriteAsync(page, "<h1>发货确认 {{ record.orderNumber }}</h1>\n<p class=\"to\">{{ record.customer }}｜{{ company.name }}</p>\n{% if company.logo %}<img class=\"logo\" src=\"{{ company.logo }}\">{% endif %}\n<p class=\"sum\">{{ record.total | rmb_upper }}</p>");
        await Assertions.Expect(printed.Locator("h1")).ToHaveTextAsync($"发货确认 {number}");
        await Assertions.Expect(printed.Locator("p.to")).ToHaveTextAsync("宁波港机有限公司｜上海示例贸易有限公司");
        await Assertions.Expect(printed.Locator("p.sum")).ToHaveTextAsync("贰仟柒佰玖拾元壹角叁分"); // 2 × 1,234.57 with 13 % tax: 2,790.13
        await Assertions.Expect(printed.Locator("img.logo")).ToBeVisibleAsync();

        // A line that does not parse: marked at its line, the page as it last printed stays.
        await page.Locator("[data-testid=template-body] .cm-content").PressAsync("Control+End");
        await page.Keyboard.InsertTextAsync("\n{% if record.total > 0 %}");
        await Assertions.Expect(page.GetByTestId("template-problem")).ToContainTextAsync("第 5 行");
        await Assertions.Expect(page.Locator("[data-testid=template-body] .cm-lintRange-error")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=template-body] .cm-lint-marker-error")).ToHaveCountAsync(1);
        await Assertions.Expect(printed.Locator("h1")).ToHaveTextAsync($"发货确认 {number}");
        await browser.ScreenshotAsync("print-template-editor-problem-zh");
        await page.Keyboard.InsertTextAsync("已确认{% endif %}");
        await Assertions.Expect(page.GetByTestId("template-problem")).ToHaveCountAsync(0);
        await Assertions.Expect(printed.Locator("body")).ToContainTextAsync("已确认");

        // Saved: it is the template's own page now, and its PDF is a PDF.
        await page.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/print/templates/[0-9a-f-]{36}$"));
        await Assertions.Expect(printed.Locator("h1")).ToHaveTextAsync($"发货确认 {number}");
        await browser.ScreenshotAsync("print-template-editor-zh");
        var pdf = await page.Context.APIRequest.GetAsync($"{host.BaseUrl}/{(await page.GetByTestId("template-pdf").GetAttributeAsync("href"))!.TrimStart('/')}");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]), StringComparison.Ordinal);
        var templates = await api.GetFromJsonAsync<JsonElement>("/api/print/templates?entity=sales_order");
        Assert.Contains("发货确认单", templates.EnumerateArray().Select(t => t.GetProperty("label").GetString()));

        // In English: the same pages in the other language.
        var editor = page.Url;
        await page.GotoAsync($"{host.BaseUrl}/culture/set?culture=en&returnUrl={Uri.EscapeDataString(new Uri(editor).AbsolutePath)}");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync("Edit print template");
        await Assertions.Expect(page.GetByTestId("template-title-en")).ToHaveValueAsync("Dispatch note");
        await Assertions.Expect(printed.Locator("h1")).ToHaveTextAsync($"发货确认 {number}");
        await browser.ScreenshotAsync("print-template-editor-en");
        await page.GotoAsync($"{host.BaseUrl}/settings/company");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync("Company");
        await Assertions.Expect(Input(page, "company-name")).ToHaveValueAsync("上海示例贸易有限公司");
    }

    /// <summary>Replaces the editor's text, inserted as one piece (typed keys would have the editor close tags and brackets itself).</summary>
    private static async Task WriteAsync(IPage page, string text)
    {
        var editor = page.Locator("[data-testid=template-body] .cm-content");
        await editor.ClickAsync();
        await page.Keyboard.PressAsync("Control+a");
        await page.Keyboard.InsertTextAsync(text);
    }
}
