using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Apps.CrmPackageTests;

namespace Platform.Host.IntegrationTests.Printing;

/// <summary>
/// Print templates written in the platform, not only brought by packages: a designer tries a template on a record before saving it
/// (a syntax error answered with its line), saves it, and from then on everyone who may read the records prints with it; a change
/// shows in the next print; a deleted one is gone. The company's details and logo are kept in the database and print on every
/// document; a logo that is not a picture — text, a cut-off PNG, one too large — is refused with a message and nothing changes.
/// Salespeople may do neither.
/// </summary>
public sealed class PrintDesignTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_designer_tries_a_template_on_a_record_saves_it_and_everyone_prints_with_it_until_it_is_deleted(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var order = await OrderAsync(team);
        var template = Template("<h1>{{ record.orderNumber }}</h1>{{ record.orderNumber | barcode }}<p>{{ record.customer }}</p>");

        // Salespeople print; they do not write templates.
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Li.PostAsJsonAsync("/api/print/templates", template)).StatusCode);

        // Tried on Li's order before it is saved: the page as it prints, loading nothing; a syntax error says its line.
        var tried = await team.Admin.PostAsJsonAsync($"/api/print/templates/preview/records/{order.Id}.html", template);
        Assert.True(tried.StatusCode == HttpStatusCode.OK, await tried.Content.ReadAsStringAsync());
        var page = await tried.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{order.Number}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"barcode\"", page, StringComparison.Ordinal);
        Assert.Contains("杭州西湖纺织有限公司", page, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none';", tried.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var broken = Template("<h1>{{ record.orderNumber }}</h1>\n<p>{% if record.total > 0 %}</p>");
        var refused = await team.Admin.PostAsJsonAsync($"/api/print/templates/preview/records/{order.Id}.html", broken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("模板第 2 行", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Saving a broken one is refused and saves nothing; nor one over an entity that is not there.
        Assert.Equal(HttpStatusCode.BadRequest, (await team.Admin.PostAsJsonAsync("/api/print/templates", broken)).StatusCode);
        var nowhere = await team.Admin.PostAsJsonAsync("/api/print/templates", Template("<p></p>", entity: "no_such_thing"));
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.Contains("没有实体“no_such_thing”", await nowhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("试用模板", await team.Li.GetStringAsync("/api/print/templates?entity=sales_order"), StringComparison.Ordinal);

        // Saved, Li prints with it; changed, Li's next print is the new one.
        var created = await team.Admin.PostAsJsonAsync("/api/print/templates", template);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Contains($"<h1>{order.Number}</h1>", await team.Li.GetStringAsync($"/api/print/templates/{id}/records/{order.Id}.html"), StringComparison.Ordinal);
        var read = await team.Admin.GetFromJsonAsync<JsonElement>($"/api/print/templates/{id}");
        Assert.Equal("A5", read.GetProperty("template").GetProperty("paper").GetString());
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PutAsJsonAsync($"/api/print/templates/{id}", Template("<h2>第二版 {{ record.orderNumber }}</h2>"))).StatusCode);
        Assert.Contains($"<h2>第二版 {order.Number}</h2>", await team.Li.GetStringAsync($"/api/print/templates/{id}/records/{order.Id}.html"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Admin.PutAsJsonAsync($"/api/print/templates/{Guid.NewGuid()}", template)).StatusCode);

        // Deleted: no more prints with it.
        Assert.Equal(HttpStatusCode.NoContent, (await team.Admin.DeleteAsync($"/api/print/templates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Li.GetAsync($"/api/print/templates/{id}/records/{order.Id}.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Admin.DeleteAsync($"/api/print/templates/{id}")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_companys_details_and_logo_print_on_every_document_and_a_logo_that_is_not_a_picture_is_refused(string provider)
    {
        var team = await StartAsync(provider, ("Platform:Company:Name", "配置里的公司"));
        await using var _ = team.Host;
        var order = await OrderAsync(team);
        var template = await SalesOrderTemplateAsync(team.Li);
        Assert.Contains("配置里的公司", await team.Li.GetStringAsync($"/api/print/templates/{template}/records/{order.Id}.html"), StringComparison.Ordinal);

        // Only those with the right change it.
        var company = new { name = "上海示例贸易有限公司", address = "上海市浦东新区世纪大道 100 号", phone = "021-5555 0000", bank = "中国工商银行上海分行", account = "1001 2345 6789 0000 000", taxId = "91310000MA1K000000" };
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Li.PutAsJsonAsync("/api/print/company", company)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.Admin.PutAsJsonAsync("/api/print/company", company)).StatusCode);

        // Not pictures: text, a PNG cut off after its header, a "data:" address of text, something too large. Nothing changes.
        var png = Png(160, 60);
        foreach (var notPicture in new[] { Encoding.UTF8.GetBytes("这不是图片"), png[..(png.Length / 2)] })
        {
            var answer = await PutLogoAsync(team.Admin, notPicture);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Contains("标志不是图片", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var textLogo = await team.Admin.PutAsJsonAsync("/api/print/company", new { name = "换了名字", logo = "data:image/png;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes("<svg/>")) });
        Assert.Equal(HttpStatusCode.BadRequest, textLogo.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PutLogoAsync(team.Admin, new byte[600 * 1024])).StatusCode);
        var kept = await team.Admin.GetFromJsonAsync<JsonElement>("/api/print/company");
        Assert.Equal("上海示例贸易有限公司", kept.GetProperty("name").GetString());
        Assert.False(kept.TryGetProperty("logo", out var _));

        // A picture: kept, and printed with the details on Li's order.
        Assert.Equal(HttpStatusCode.NoContent, (await PutLogoAsync(team.Admin, png)).StatusCode);
        var printed = WebUtility.HtmlDecode(await team.Li.GetStringAsync($"/api/print/templates/{template}/records/{order.Id}.html"));
        Assert.Contains("上海示例贸易有限公司", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("配置里的公司", printed, StringComparison.Ordinal);
        Assert.Contains("91310000MA1K000000", printed, StringComparison.Ordinal);
        Assert.Contains("1001 2345 6789 0000 000", printed, StringComparison.Ordinal);
        Assert.Contains($"src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"", printed, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_header_and_a_footer_print_on_every_page_with_its_number()
    {
        Skip.IfNot(File.Exists("/usr/bin/chromium"), "Printing needs Chromium at /usr/bin/chromium (the test command installs it).");
        var team = await StartAsync("Sqlite");
        await using var _ = team.Host;
        var order = await OrderAsync(team);
        var created = await team.Admin.PostAsJsonAsync("/api/print/templates", new
        {
            entity = "sales_order",
            labels = new Dictionary<string, string> { ["zh-CN"] = "三页" },
            header = "内部资料 第 {page} 页",
            footer = "{{ 不是 Liquid }} 共 {pages} 页",
            margins = new { top = 20, right = 12, bottom = 20, left = 12 },
            body = "<p>一 {{ record.orderNumber }}</p><p class=\"page-break\"></p><p>二</p><p class=\"page-break\"></p><p>三</p>",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var pdf = await team.Li.GetByteArrayAsync($"/api/print/templates/{id}/records/{order.Id}.pdf");
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        // (Read back as the CJK font names its glyphs: 页 as the radical ⻚, folded back.)
        var pages = document.GetPages().Select(p => string.Concat(p.Text.Normalize(NormalizationForm.FormKC).Replace('⻚', '页').Where(c => !char.IsWhiteSpace(c)))).ToList();
        Assert.Equal(3, pages.Count);
        for (var page = 1; page <= 3; page++)
        {
            Assert.Contains($"内部资料第{page}页", pages[page - 1], StringComparison.Ordinal);
            Assert.Contains("{{不是Liquid}}共3页", pages[page - 1], StringComparison.Ordinal); // the bands are text, not templates
        }
    }

    private static object Template(string body, string entity = "sales_order") => new
    {
        entity,
        labels = new Dictionary<string, string> { ["zh-CN"] = "试用模板", ["en"] = "Trial" },
        paper = "A5",
        orientation = "landscape",
        body,
    };

    private static async Task<HttpResponseMessage> PutLogoAsync(HttpClient client, byte[] bytes)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return await client.PutAsync("/api/print/company/logo", content);
    }

    /// <summary>A small PNG drawn here: a red square and a grey band.</summary>
    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(SkiaSharp.SKColors.White);
            using var red = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(200, 30, 30) };
            canvas.DrawRect(4, 4, height - 8, height - 8, red);
            using var grey = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Gray };
            canvas.DrawRect(height, height / 3f, width - height - 4, height / 3f, grey);
        }

        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static async Task<(string Id, string Number)> OrderAsync(Team team)
    {
        var customer = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "杭州西湖纺织有限公司" }""");
        var product = await ODataRecords.CreateAsync(team.Admin, "product", """{ "code": "P-001", "name": "产品 1", "price": 10.5, "taxRate": 0.13 }""");
        var order = await ODataRecords.CreateAsync(team.Li, "sales_order", $$"""{ "customer": "{{customer}}", "orderDate": "2026-12-07", "lines": [ { "product": "{{product}}", "quantity": 2 } ] }""");
        var saved = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})");
        return (order, saved.GetProperty("orderNumber").GetString()!);
    }

    private static async Task<Guid> SalesOrderTemplateAsync(HttpClient client)
    {
        var templates = await client.GetFromJsonAsync<JsonElement>("/api/print/templates?entity=sales_order");
        return templates.EnumerateArray().Single(t => t.GetProperty("label").GetString() == "销售订单").GetProperty("id").GetGuid();
    }
}
