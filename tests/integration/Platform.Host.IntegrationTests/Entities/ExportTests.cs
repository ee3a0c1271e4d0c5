using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>
/// Exporting a list as it is shown — filter, order, columns — to .xlsx and .csv: headings and choices
/// in the reader's language, lookups by title, numbers and dates typed in the workbook, only what the
/// reader may see, and clear refusals.
/// </summary>
public sealed class ExportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static EntityDefinition Order() => new()
    {
        Name = "purchase",
        Label = LocalizedText.Of("采购单", "Purchase"),
        PluralLabel = LocalizedText.Of("采购单", "Purchases"),
        TitleField = "number",
        Fields =
        [
            EntitySamples.Field("number", "text", "单号", "Number"),
            EntitySamples.Field("product", "lookup", "产品", "Product", f => f.Target = "product"),
            EntitySamples.Field("quantity", "integer", "数量", "Quantity"),
        ],
    };

    internal static async Task<PlatformHost> SeedAsync(string provider, params (string Key, string? Value)[] settings)
    {
        var host = await PlatformHost.StartAsync(provider, settings);
        await host.InScopeAsync(async s =>
        {
            var schemas = s.GetRequiredService<SchemaManager>();
            await schemas.ApplyAsync(EntitySamples.Product(), "admin");
            await schemas.ApplyAsync(Order(), "admin");
            return true;
        });
        var admin = new Actor("admin", "admin", Access: new RecordAccess(true, []));
        var ids = new List<Guid>();
        foreach (var (code, name, price, status, launched) in new[]
                 {
                     ("P-3", "羊毛围巾, \"冬季\"", 129.5m, "sale", new DateOnly(2026, 3, 5)),
                     ("P-1", "=SUM(A1:A9)", 20m, "draft", new DateOnly(2025, 12, 1)),
                     ("P-2", "Silk scarf", 89m, "sale", new DateOnly(2026, 1, 20)),
                 })
        {
            var created = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", new Dictionary<string, object?>
            {
                ["code"] = code, ["name"] = name, ["price"] = price, ["status"] = status, ["launched"] = launched, ["active"] = true,
            }, admin));
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            ids.Add((Guid)created.Record!["id"]!);
        }

        await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("purchase", new Dictionary<string, object?>
        {
            ["number"] = "PO-1", ["product"] = ids[0], ["quantity"] = 12L,
        }, admin));
        return host;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_filtered_sorted_list_becomes_a_workbook_with_typed_cells_in_the_reader_s_language(string provider)
    {
        await using var host = await SeedAsync(provider);
        var client = await host.CreateAdminClientAsync();

        var response = await GetAsync(client, "/api/export/product?$filter=status eq 'sale'&$orderby=code&$select=code,name,price,status,launched,active", "zh-CN");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("产品-", Uri.UnescapeDataString(response.Content.Headers.ContentDisposition!.FileNameStar!), StringComparison.Ordinal);
        var rows = ReadSheet(await response.Content.ReadAsByteArrayAsync(), out var sheetName);
        Assert.Equal("产品", sheetName);
        Assert.Equal(["编码", "名称", "单价", "状态", "上市日期", "启用"], rows[0].Select(c => c.Text));
        Assert.Equal(3, rows.Count);
        Assert.Equal(["P-2", "Silk scarf", "89", "在售", "2026-01-20", "是"], rows[1].Select(c => c.Text));
        Assert.Equal("羊毛围巾, \"冬季\"", rows[2][1].Text);
        Assert.True(rows[1][2].IsNumber);
        Assert.True(rows[1][4].IsDate);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_csv_export_opens_in_Excel_with_Chinese_intact_lookups_by_title_and_no_formulas(string provider)
    {
        await using var host = await SeedAsync(provider);
        var client = await host.CreateAdminClientAsync();

        var products = await GetAsync(client, "/api/export/product?format=csv&$orderby=code&$select=code,name,price", "en");
        var purchases = await GetAsync(client, "/api/export/purchase?format=csv", "en");

        var bytes = await products.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Code,Name,Price", "P-1,'=SUM(A1:A9),20", "P-2,Silk scarf,89", "P-3,\"羊毛围巾, \"\"冬季\"\"\",129.5"], lines);
        Assert.Equal("Number,Product,Quantity\r\nPO-1,\"羊毛围巾, \"\"冬季\"\"\",12\r\n", Encoding.UTF8.GetString((await purchases.Content.ReadAsByteArrayAsync())[3..]));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Bad_requests_and_people_without_read_access_are_refused_with_the_reason(string provider)
    {
        await using var host = await SeedAsync(provider);
        await Accounts.CreateUserAsync(host, "guest", "Guest-passw0rd");
        var admin = await host.CreateAdminClientAsync();
        var guest = await host.CreateClientForAsync("guest", "Guest-passw0rd");

        var format = await GetAsync(admin, "/api/export/product?format=pdf", "en");
        var filter = await GetAsync(admin, "/api/export/product?$filter=colour eq 'red'", "en");
        var select = await GetAsync(admin, "/api/export/product?$select=code,colour", "en");
        var missing = await GetAsync(admin, "/api/export/nothing", "en");
        var forbidden = await GetAsync(guest, "/api/export/product", "en");
        var anonymous = await host.CreateAnonymousClient().GetAsync("/api/export/product");

        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.Contains("pdf", await format.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Contains("colour", await filter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, select.StatusCode);
        Assert.Contains("no field 'colour'", await select.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, anonymous.StatusCode.ToString());
        // Refusals in the reader's language.
        static async Task<string> TitleAsync(HttpResponseMessage response) =>
            (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content)).GetProperty("title").GetString()!;
        Assert.Equal("“pdf”不是导出格式：xlsx 或 csv。", await TitleAsync(await GetAsync(admin, "/api/export/product?format=pdf", "zh-CN")));
        Assert.Equal("没有实体“nothing”。", await TitleAsync(await GetAsync(admin, "/api/export/nothing", "zh-CN")));
    }

    internal sealed record SheetCell(string Text, bool IsNumber, bool IsDate);

    internal static List<List<SheetCell>> ReadSheet(byte[] workbook, out string sheetName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var part = document.WorkbookPart!;
        sheetName = part.Workbook.Sheets!.Elements<Sheet>().Single().Name!;
        var formats = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        return [.. part.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(row => row.Elements<Cell>().Select(cell =>
        {
            var isDate = cell.StyleIndex is { } style && formats[(int)style.Value].NumberFormatId?.Value is 164 or 165;
            var text = cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
            if (isDate)
            {
                text = DateTime.FromOADate(double.Parse(text, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            return new SheetCell(text, cell.DataType?.Value == CellValues.Number, isDate);
        }).ToList())];
    }
}
