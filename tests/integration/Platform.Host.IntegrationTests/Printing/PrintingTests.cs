using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Printing.Services;
using Platform.Records.Packages;
using UglyToad.PdfPig;
using static Platform.Host.IntegrationTests.Apps.CrmPackageTests;

namespace Platform.Host.IntegrationTests.Printing;

/// <summary>
/// Records print to PDF with the CRM package's sales order template: an order of 80 lines runs over three pages and the PDF, read
/// back, holds its number, every line, the total in Chinese capitals and "第 n 页 / 共 3 页" on each page; page 1 drawn to a picture
/// is not blank. A record the person may not read is not there (404); a field hidden from them prints empty; a template that does not
/// parse is refused when its package is applied, naming the file, line and column; one that loops without end is stopped with a
/// message; and 200 prints later Chromium has no more processes than after the first few (the pool's pages).
/// </summary>
public sealed class PrintingTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task An_order_of_80_lines_prints_on_three_pages_with_its_number_every_line_the_amount_in_capitals_and_page_numbers()
    {
        Skip.IfNot(File.Exists(Chromium), $"Printing needs Chromium at {Chromium} (the test command installs it).");
        var team = await StartAsync("Sqlite", ("Platform:Company:Name", "上海示例贸易有限公司"), ("Platform:Company:TaxId", "91310000MA1K000000"));
        await using var _ = team.Host;
        var (order, number, total) = await OrderAsync(team, lines: 80);
        var template = await TemplateAsync(team.Li, "销售订单");

        var response = await team.Li.GetAsync($"/api/print/templates/{template}/records/{order}.pdf");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(3, document.NumberOfPages);
        var pages = document.GetPages().Select(p => Folded(p.Text)).ToList();
        var all = string.Concat(pages);
        Assert.Contains(number, all, StringComparison.Ordinal);
        Assert.Contains("上海示例贸易有限公司", all, StringComparison.Ordinal);
        Assert.True(all.Contains("人民币" + ChineseAmount.Of(total), StringComparison.Ordinal),
            $"{ChineseAmount.Of(total)} ({total}) not in: {all[Math.Max(0, all.IndexOf("大写", StringComparison.Ordinal) - 10)..][..Math.Min(80, all.Length - Math.Max(0, all.IndexOf("大写", StringComparison.Ordinal) - 10))]}");
        Assert.Contains(total.ToString("#,0.00", CultureInfo.InvariantCulture), all, StringComparison.Ordinal);
        for (var page = 1; page <= 3; page++)
        {
            Assert.Contains($"第{page}页/共3页", pages[page - 1], StringComparison.Ordinal);
            Assert.Contains("产品名称", pages[page - 1], StringComparison.Ordinal); // the table's header on every page it runs over
        }

        // Every line, by its own product code (P-001 … P-080), once.
        for (var line = 1; line <= 80; line++)
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, $"P-{line:D3}(?!\\d)"));
        }

        // Page 1 drawn as a picture is not blank: a good share of its pixels are ink.
        var file = Path.Combine(Path.GetTempPath(), $"print-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(file + ".pdf", pdf);
        try
        {
            var drawn = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "40", "-gray", "-f", "1", "-l", "1", file + ".pdf", file]) { RedirectStandardError = true })!;
            await drawn.WaitForExitAsync();
            Assert.Equal(0, drawn.ExitCode);
            var (width, height, pixels) = Pgm(await File.ReadAllBytesAsync(Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "-*.pgm").Single()));
            Assert.True(width > 300 && height > 400, $"{width} × {height}");
            var ink = pixels.Count(p => p < 128) / (double)pixels.Length;
            Assert.True(ink is > 0.01 and < 0.5, $"share of dark pixels on page 1: {ink:P1}");
        }
        finally
        {
            foreach (var made in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(file) + "*"))
            {
                File.Delete(made);
            }
        }
    }

    [SkippableFact]
    public async Task Several_orders_print_into_one_PDF_each_numbering_its_own_pages_leaving_out_what_the_person_may_not_read()
    {
        Skip.IfNot(File.Exists(Chromium), $"Printing needs Chromium at {Chromium} (the test command installs it).");
        var team = await StartAsync("Sqlite");
        await using var _ = team.Host;
        var first = await OrderAsync(team, lines: 1);
        var second = await OrderAsync(team, lines: 2, codes: "Q");
        var customer = await ODataRecords.CreateAsync(team.Wang, "customer", """{ "name": "王的客户" }""");
        var product = await ODataRecords.CreateAsync(team.Admin, "product", """{ "code": "W-001", "name": "王的产品", "price": 1 }""");
        var wangs = await ODataRecords.CreateAsync(team.Wang, "sales_order", $$"""{ "customer": "{{customer}}", "orderDate": "2026-12-07", "lines": [ { "product": "{{product}}", "quantity": 1 } ] }""");
        var template = await TemplateAsync(team.Li, "销售订单");

        var response = await team.Li.GetAsync($"/api/print/templates/{template}/records.pdf?ids={second.Id},{wangs},{first.Id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("2", response.Headers.GetValues("X-Printed-Records").Single());
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = document.GetPages().Select(p => Folded(p.Text)).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Contains(second.Number, pages[0], StringComparison.Ordinal); // in the order asked
        Assert.Contains(first.Number, pages[1], StringComparison.Ordinal);
        Assert.All(pages, page => Assert.Contains("第1页/共1页", page, StringComparison.Ordinal));

        // Only Wang's order, which Li may not read: nothing to print. Not ids, or too many: said so.
        Assert.Equal(HttpStatusCode.NotFound, (await team.Li.GetAsync($"/api/print/templates/{template}/records.pdf?ids={wangs}")).StatusCode);
        var notIds = await team.Li.GetAsync($"/api/print/templates/{template}/records.pdf?ids={first.Id},abc");
        Assert.Equal(HttpStatusCode.BadRequest, notIds.StatusCode);
        Assert.Contains("“abc”不是记录 ID", await notIds.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var many = string.Join(",", Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.BadRequest, (await team.Li.GetAsync($"/api/print/templates/{template}/records.pdf?ids={many}")).StatusCode);
    }

    [SkippableFact]
    public async Task The_CRM_prints_a_quote_a_sales_contract_and_a_delivery_note_each_with_its_number_its_lines_and_the_company()
    {
        Skip.IfNot(File.Exists(Chromium), $"Printing needs Chromium at {Chromium} (the test command installs it).");
        var team = await StartAsync("Sqlite", ("Platform:Company:Name", "上海示例贸易有限公司"), ("Platform:Company:Bank", "中国工商银行上海浦东分行"));
        await using var _ = team.Host;
        var customer = await ODataRecords.CreateAsync(team.Li, "customer", """{ "name": "杭州西湖纺织有限公司", "address": "杭州市西湖区文三路 100 号" }""");
        var pump = await ODataRecords.CreateAsync(team.Admin, "product", """{ "code": "P-001", "name": "液压泵", "specification": "HP-250", "unit": "台", "price": 12345.6, "taxRate": 0.13 }""");
        var seal = await ODataRecords.CreateAsync(team.Admin, "product", """{ "code": "P-002", "name": "密封圈", "unit": "个", "price": 3.2, "taxRate": 0.13 }""");
        var lines = $$"""[ { "product": "{{pump}}", "quantity": 2 }, { "product": "{{seal}}", "quantity": 200 } ]""";
        var quote = await ODataRecords.CreateAsync(team.Li, "quote", $$"""{ "customer": "{{customer}}", "quotedOn": "2026-12-07", "validUntil": "2027-01-06", "lines": {{lines}} }""");
        var order = await ODataRecords.CreateAsync(team.Li, "sales_order", $$"""{ "customer": "{{customer}}", "orderDate": "2026-12-07", "shippingAddress": "杭州市余杭区仓前街道 8 号", "lines": {{lines}} }""");
        await ApproveAsync(team, team.Li, "crm_sales_order_approval", "sales_order", order);
        var (made, madeBody) = await RunAsync(team.Li, $"/api/records/sales_order/{order}/actions/deliver");
        Assert.True(made == HttpStatusCode.OK, madeBody.ToString());
        var notice = madeBody.GetProperty("open").GetProperty("id").GetString()!;

        // (The text as read back: without spaces, full-width punctuation folded to its ASCII form — "合同编号:", "(买方)".)
        async Task<string> PrintedAsync(string entity, string label, string id)
        {
            var templates = await team.Li.GetFromJsonAsync<JsonElement>($"/api/print/templates?entity={entity}");
            var template = templates.EnumerateArray().Single(t => t.GetProperty("label").GetString() == label).GetProperty("id").GetGuid();
            var response = await team.Li.GetAsync($"/api/print/templates/{template}/records/{id}.pdf");
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
            return string.Concat(document.GetPages().Select(p => Folded(p.Text)));
        }

        var quoted = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/quote({quote})");
        var quoteText = await PrintedAsync("quote", "报价单", quote);
        Assert.Contains(quoted.GetProperty("quoteNumber").GetString()!, quoteText, StringComparison.Ordinal);
        Assert.Contains("报价单", quoteText, StringComparison.Ordinal);
        Assert.Contains("人民币" + ChineseAmount.Of(quoted.GetProperty("total").GetDecimal()), quoteText, StringComparison.Ordinal);
        Assert.Contains("有效期至:2027年1月6日", quoteText, StringComparison.Ordinal);

        var ordered = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})");
        var contractText = await PrintedAsync("sales_order", "销售合同", order);
        Assert.Contains("合同编号:HT-" + ordered.GetProperty("orderNumber").GetString(), contractText, StringComparison.Ordinal);
        Assert.Contains("甲方(买方):杭州西湖纺织有限公司", contractText, StringComparison.Ordinal);
        Assert.Contains("乙方(卖方):上海示例贸易有限公司", contractText, StringComparison.Ordinal);
        Assert.Contains("开户行:中国工商银行上海浦东分行", contractText, StringComparison.Ordinal);
        Assert.Contains(ChineseAmount.Of(ordered.GetProperty("total").GetDecimal()), contractText, StringComparison.Ordinal);
        Assert.Contains("交货地点:杭州市余杭区仓前街道8号", contractText, StringComparison.Ordinal);

        var noticed = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/delivery_notice({notice})");
        var noteText = await PrintedAsync("delivery_notice", "送货单", notice);
        Assert.Contains(noticed.GetProperty("noticeNumber").GetString()!, noteText, StringComparison.Ordinal);
        Assert.Contains("订单号:" + ordered.GetProperty("orderNumber").GetString(), noteText, StringComparison.Ordinal);
        Assert.Contains("合计数量202", noteText, StringComparison.Ordinal);
        foreach (var printed in new[] { quoteText, contractText, noteText })
        {
            Assert.Contains("液压泵", printed, StringComparison.Ordinal);
            Assert.Contains("密封圈", printed, StringComparison.Ordinal);
            Assert.Contains("第1页/共", printed, StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Only_what_the_person_may_read_prints_and_a_hidden_field_prints_empty(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var applied = await team.Host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(
        [
            new AppPackageFile("print/costs.json", """{ "entity": "sales_order", "labels": { "zh-CN": "成本核对单", "en": "Cost check" }, "bodyFile": "costs.liquid" }"""),
            new AppPackageFile("print/costs.liquid", "{% for line in record.lines %}<p>{{ line.product }}|{{ line.product_record.cost }}|{{ line.quantity }}</p>{% endfor %}"),
        ], "admin"));
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
        var (order, _, _) = await OrderAsync(team, lines: 2);
        var costs = await TemplateAsync(team.Li, "成本核对单");

        // Li's order: Li sees no costs (a secured field of products), Zhou — Li's manager, who may see costs — does; Wang not the order at all.
        Assert.Equal("<p>产品 1||1</p><p>产品 2||2</p>", Body(await team.Li.GetStringAsync($"/api/print/templates/{costs}/records/{order}.html")));
        Assert.Equal("<p>产品 1|7.5|1</p><p>产品 2|15|2</p>", Body(await team.Zhou.GetStringAsync($"/api/print/templates/{costs}/records/{order}.html")));
        var hidden = await team.Wang.GetAsync($"/api/print/templates/{costs}/records/{order}.html");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Contains("没有此记录", await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Li.GetAsync($"/api/print/templates/{Guid.NewGuid()}/records/{order}.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Li.GetAsync($"/api/print/templates/{costs}/records/{Guid.NewGuid()}.pdf")).StatusCode);

        // The preview runs and loads nothing.
        var preview = await team.Li.GetAsync($"/api/print/templates/{costs}/records/{order}.html");
        Assert.StartsWith("default-src 'none';", preview.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_template_that_does_not_parse_is_refused_with_its_place_and_one_that_loops_without_end_is_stopped(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var broken = await team.Host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(
        [
            new AppPackageFile("print/broken.json", """{ "entity": "sales_order", "labels": { "zh-CN": "坏模板" }, "bodyFile": "broken.liquid" }"""),
            new AppPackageFile("print/broken.liquid", "<h1>{{ record.orderNumber }}</h1>\n<p>{% for line in record.lines %}</p>"),
        ], "admin"));
        var error = Assert.Single(broken.Errors);
        Assert.Equal("print/broken.liquid", error.Path);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        var listed = await team.Li.GetFromJsonAsync<JsonElement>("/api/print/templates?entity=sales_order");
        Assert.DoesNotContain("坏模板", listed.EnumerateArray().Select(t => t.GetProperty("label").GetString()));

        var looping = await team.Host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(
        [
            new AppPackageFile("print/loop.json", """{ "entity": "sales_order", "labels": { "zh-CN": "死循环" }, "bodyFile": "loop.liquid" }"""),
            new AppPackageFile("print/loop.liquid", "{% for i in (1..10000) %}{% for j in (1..10000) %}{{ record.orderNumber }}{% endfor %}{% endfor %}"),
        ], "admin"));
        Assert.True(looping.Succeeded, string.Join("; ", looping.Errors));
        var (order, _, _) = await OrderAsync(team, lines: 1);
        var stopped = await team.Li.GetAsync($"/api/print/templates/{await TemplateAsync(team.Li, "死循环")}/records/{order}.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, stopped.StatusCode);
        Assert.Contains("步后被停止", await stopped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Two_hundred_prints_leave_no_more_Chromium_processes_than_the_first_four_and_none_after_the_host_stops()
    {
        Skip.IfNot(File.Exists(Chromium), $"Printing needs Chromium at {Chromium} (the test command installs it).");
        var team = await StartAsync("Sqlite");
        var (order, _, _) = await OrderAsync(team, lines: 1);
        var template = await TemplateAsync(team.Li, "销售订单");
        async Task PrintAsync(int count)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => team.Li.GetAsync($"/api/print/templates/{template}/records/{order}.pdf")));
            Assert.All(batch, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        }

        // The first four at once: the pool holds as many pages as print at once, each kept for the next print. Only this host's
        // browser and its children are counted: other test classes print through hosts of their own meanwhile.
        await PrintAsync(4);
        var browser = team.Host.Services.GetRequiredService<ChromiumPool>().ProcessId;
        Assert.NotNull(browser);
        var warm = ChromiumProcesses(browser.Value);
        Assert.NotEmpty(warm);
        for (var i = 4; i < 200; i += 4)
        {
            await PrintAsync(4);
        }

        Assert.Equal(browser, team.Host.Services.GetRequiredService<ChromiumPool>().ProcessId);

        // A closed page's renderer takes a moment to go.
        var after = ChromiumProcesses(browser.Value);
        for (var wait = 0; wait < 50 && after.Count > warm.Count; wait++)
        {
            await Task.Delay(100);
            after = ChromiumProcesses(browser.Value);
        }

        Assert.True(after.Count <= warm.Count, $"after the first prints {warm.Count} Chromium processes, after 200 {after.Count}");
        // Stopping the host closes the browser; its helpers (zygotes) follow it within moments.
        await team.Host.DisposeAsync();
        var left = ChromiumProcesses().Intersect(warm).ToList();
        for (var wait = 0; wait < 100 && left.Count > 0; wait++)
        {
            await Task.Delay(100);
            left = [.. ChromiumProcesses().Intersect(warm)];
        }

        Assert.True(left.Count == 0, $"10 s after the host stopped, its Chromium processes {string.Join(", ", left.Select(CommandLine))} still run");
    }

    /// <summary>An order of Li's with <paramref name="lines"/> lines, each of its own product (P-001 … or another prefix, ¥10.50 × n, cost ¥7.50 × n), and its number and total.</summary>
    private static async Task<(string Id, string Number, decimal Total)> OrderAsync(Team team, int lines, string codes = "P")
    {
        var customer = await ODataRecords.CreateAsync(team.Li, "customer", $$"""{ "name": "杭州西湖纺织有限公司（{{codes}}）", "address": "杭州市西湖区文三路 100 号" }""");
        var items = new List<string>();
        for (var i = 1; i <= lines; i++)
        {
            var product = await ODataRecords.CreateAsync(team.Admin, "product",
                string.Create(CultureInfo.InvariantCulture, $$"""{ "code": "{{codes}}-{{i:D3}}", "name": "产品 {{i}}", "unit": "个", "price": {{10.5m * i}}, "cost": {{7.5m * i}}, "taxRate": 0.13 }"""));
            items.Add($$"""{ "product": "{{product}}", "quantity": {{i}} }""");
        }

        var order = await ODataRecords.CreateAsync(team.Li, "sales_order", $$"""{ "customer": "{{customer}}", "orderDate": "2026-12-07", "lines": [ {{string.Join(", ", items)}} ] }""");
        var saved = await team.Li.GetFromJsonAsync<JsonElement>($"/odata/sales_order({order})");
        return (order, saved.GetProperty("orderNumber").GetString()!, saved.GetProperty("total").GetDecimal());
    }

    private static async Task<Guid> TemplateAsync(HttpClient client, string label)
    {
        var templates = await client.GetFromJsonAsync<JsonElement>("/api/print/templates?entity=sales_order");
        return templates.EnumerateArray().Single(t => t.GetProperty("label").GetString() == label).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// A PDF page's text as PdfPig reads it back, without spaces, with characters the CJK font shares with a radical folded to the
    /// usual ideograph: the font maps one glyph to both, and PdfPig reads it as the radical (⽰ for 示, ⺠ for 民, ⻆ for 角). Kangxi
    /// radicals fold by Unicode's compatibility normalisation; the supplement's simplified ones (which it leaves alone) by this table of
    /// their equivalent ideographs as Unicode lists them — and 戶, whose glyph the font shares with 户 and which PdfPig reads first.
    /// </summary>
    private static string Folded(string text)
    {
        const string Radicals = "⺠⻆⻅⻉⻋⻓⻔⻚⻛⻜⻢⻥⻦⻩⻬⻮⻰⻳戶";
        const string Ideographs = "民角见贝车长门页风飞马鱼鸟黄齐齿龙龟户";
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC).Select(c => Radicals.IndexOf(c, StringComparison.Ordinal) is var at and >= 0 ? Ideographs[at] : c);
        return string.Concat(folded.Where(c => !char.IsWhiteSpace(c)));
    }

    /// <summary>What the template wrote, out of the page the platform put it in.</summary>
    private static string Body(string html)
    {
        var start = html.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length;
        return html[start..html.IndexOf("</body>", StringComparison.Ordinal)].Trim();
    }

    /// <summary>
    /// The Chromium processes (named chrom…) descended from <paramref name="browser"/> and the browser itself, or, without it, every
    /// Chromium process running (a leftover of a stopped host has lost its parent), by id.
    /// </summary>
    private static List<int> ChromiumProcesses(int? browser = null)
    {
        var parents = new Dictionary<int, (int Parent, string Name)>();
        foreach (var stat in Directory.GetDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var (open, close) = (text.IndexOf('(', StringComparison.Ordinal), text.LastIndexOf(')'));
                var fields = text[(close + 2)..].Split(' ');
                parents[int.Parse(text[..open].Trim(), CultureInfo.InvariantCulture)] = (int.Parse(fields[1], CultureInfo.InvariantCulture), text[(open + 1)..close]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Gone meanwhile.
            }
        }

        bool Below(int id)
        {
            if (browser is null || id == browser)
            {
                return true;
            }

            for (var hops = 0; hops < 50 && parents.TryGetValue(id, out var up); hops++, id = up.Parent)
            {
                if (up.Parent == browser)
                {
                    return true;
                }
            }

            return false;
        }

        return [.. parents.Where(p => p.Value.Name.StartsWith("chrom", StringComparison.Ordinal) && Below(p.Key)).Select(p => p.Key).Order()];
    }

    private static string CommandLine(int process)
    {
        try
        {
            return $"{process} ({File.ReadAllText($"/proc/{process}/cmdline").Replace('\0', ' ').Trim()})";
        }
        catch (IOException)
        {
            return $"{process} (gone)";
        }
    }

    /// <summary>A binary PGM picture (P5, 8 bits): its size and grey values.</summary>
    private static (int Width, int Height, byte[] Pixels) Pgm(byte[] data)
    {
        var (position, numbers) = (0, new List<int>());
        while (numbers.Count < 4)
        {
            while (char.IsWhiteSpace((char)data[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)data[position]))
            {
                position++;
            }

            var token = System.Text.Encoding.ASCII.GetString(data, start, position - start);
            if (token != "P5")
            {
                numbers.Add(int.Parse(token, CultureInfo.InvariantCulture));
            }
            else
            {
                numbers.Add(0);
            }
        }

        return (numbers[1], numbers[2], data[(position + 1)..]);
    }
}
