using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
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
/// Previewing an import: columns matched to fields by their labels in either language, cells read as
/// people type them (Chinese dates, ¥ amounts, choice labels, lookups by name or code), the problems
/// of each row named by column, and files that cannot be imported refused with the reason.
/// </summary>
public sealed class ImportPreviewTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static EntityDefinition Purchase() => new()
    {
        Name = "purchase",
        Label = LocalizedText.Of("采购单", "Purchase"),
        TitleField = "number",
        Fields =
        [
            EntitySamples.Field("number", "text", "单号", "Number", f => f.Required = true),
            EntitySamples.Field("product", "lookup", "产品", "Product", f => f.Target = "product"),
            EntitySamples.Field("quantity", "integer", "数量", "Quantity", f => f.Min = 1),
            EntitySamples.Field("ordered", "date", "下单日期", "Ordered on"),
            EntitySamples.Field("price", "money", "单价", "Price"),
            EntitySamples.Field("urgent", "boolean", "加急", "Urgent"),
        ],
    };

    private static async Task<(PlatformHost Host, HttpClient Admin)> StartAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin");
            await s.GetRequiredService<SchemaManager>().ApplyAsync(Purchase(), "admin");
            return true;
        });
        var admin = new Actor("admin", "admin", Access: new RecordAccess(true, []));
        foreach (var (code, name) in new[] { ("P-1", "羊毛围巾"), ("P-2", "真丝围巾"), ("P-3", "真丝围巾") })
        {
            await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", new Dictionary<string, object?> { ["code"] = code, ["name"] = name }, admin));
        }

        return (host, await ImportClients.EnglishAdminAsync(host));
    }

    private static Task<Guid> UploadAsync(HttpClient client, byte[] content, string name) => ImportClients.UploadAsync(client, content, name);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PreviewAsync(HttpClient client, Guid file, object? mapping = null)
    {
        var response = await client.PostAsJsonAsync("/api/import/purchase/preview", new { file, mapping });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_Chinese_Excel_CSV_maps_by_label_and_reads_dates_amounts_and_lookups_as_people_write_them(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = "单号*,产品,数量,下单日期,单价,加急,备注\r\n"
                  + "PO-1,羊毛围巾,12,2026年3月5日,\"¥1,234.50\",是,first\r\n"
                  + "PO-2,P-2,3,2026/3/6,89,否,\r\n"
                  + "PO-3,真丝围巾,many,2026-02-30,x,也许,\r\n"
                  + "PO-4,Cashmere,0,2026.3.7,10,Y,\r\n";
        var file = await UploadAsync(client, Encoding.GetEncoding("GB18030").GetBytes(csv), "purchases.csv");

        var (status, body) = await PreviewAsync(client, file);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, body.GetProperty("totalRows").GetInt32());
        Assert.Equal(["number", "product", "quantity", "ordered", "price", "urgent"], body.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("field").GetString()));
        Assert.Equal(["备注"], body.GetProperty("ignored").EnumerateArray().Select(i => i.GetString()));
        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        var first = rows[0].GetProperty("values");
        Assert.Equal("2026-03-05", first.GetProperty("ordered").GetString());
        Assert.Equal(1234.50m, first.GetProperty("price").GetDecimal());
        Assert.True(first.GetProperty("urgent").GetBoolean());
        Assert.Empty(rows[0].GetProperty("errors").EnumerateArray());
        Assert.NotEqual(first.GetProperty("product").GetGuid(), rows[1].GetProperty("values").GetProperty("product").GetGuid()); // by name and by code
        string[] Problems(int i) => [.. rows[i].GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("heading").GetString()}: {e.GetProperty("message").GetString()}")];
        Assert.Contains(Problems(2), p => p.StartsWith("产品: Several Product records are called '真丝围巾'", StringComparison.Ordinal));
        Assert.Contains(Problems(2), p => p.StartsWith("数量: 'many' is not a whole number", StringComparison.Ordinal));
        Assert.Contains(Problems(2), p => p.StartsWith("下单日期: '2026-02-30' is not a date", StringComparison.Ordinal));
        Assert.Contains(Problems(2), p => p.StartsWith("加急: '也许' is not yes or no", StringComparison.Ordinal));
        Assert.Contains(Problems(3), p => p.StartsWith("产品: There is no Product called 'Cashmere'", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_workbook_gives_real_dates_and_numbers_warns_of_formulas_and_names_Excel_errors(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;
        var file = await UploadAsync(client, Workbook(), "purchases.xlsx");

        var (status, body) = await PreviewAsync(client, file, new Dictionary<string, string> { ["Ref"] = "number" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("formulas (D2)", body.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        var rows = body.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal("PO-9", rows[0].GetProperty("values").GetProperty("number").GetString());
        Assert.Equal("2026-03-05", rows[0].GetProperty("values").GetProperty("ordered").GetString());
        Assert.Equal(24, rows[0].GetProperty("values").GetProperty("price").GetDecimal());
        Assert.Contains("#DIV/0!", rows[1].GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Files_that_cannot_be_imported_are_refused_with_the_reason_and_nothing_else_is_read(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;
        await Accounts.CreateUserAsync(host, "other", "Other-passw0rd");
        var other = await host.CreateClientForAsync("other", "Other-passw0rd");
        other.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var tooMany = new StringBuilder("Number\r\n");
        for (var i = 0; i <= 200_000; i++)
        {
            tooMany.Append("PO-").Append(i).Append("\r\n");
        }

        var cases = new (byte[] Content, string Name, string Reason)[]
        {
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], "locked.xlsx", "password-protected"),
            ([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x03], "scan.pdf", "neither an Excel workbook"),
            ("PK\u0003\u0004 broken"u8.ToArray(), "broken.xlsx", "not a readable Excel workbook"),
            ("Number,Quantity\r\n"u8.ToArray(), "empty.csv", "no rows"),
            (Encoding.UTF8.GetBytes(tooMany.ToString()), "huge.csv", "more than 200,000 rows"),
        };
        foreach (var (content, name, reason) in cases)
        {
            var (status, body) = await PreviewAsync(client, await UploadAsync(client, content, name));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(reason, body.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        var mine = await UploadAsync(client, "Number\r\nPO-1\r\n"u8.ToArray(), "mine.csv");
        Assert.Equal(HttpStatusCode.NotFound, (await PreviewAsync(other, mine)).Status);
        var (badMapping, mapped) = await PreviewAsync(client, mine, new Dictionary<string, string> { ["Number"] = "colour" });
        Assert.Equal(HttpStatusCode.BadRequest, badMapping);
        Assert.Contains("no field of purchase", mapped.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Headings, a row with a real date and a formula with its cached value, a row with #DIV/0!.</summary>
    private static byte[] Workbook()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            static Cell Text(string reference, string text) => new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
            sheet.Worksheet = new Worksheet(new SheetData(
                new Row(Text("A1", "Ref"), Text("B1", "Ordered on"), Text("C1", "Quantity"), Text("D1", "Price")) { RowIndex = 1 },
                new Row(Text("A2", "PO-9"), new Cell { CellReference = "B2", CellValue = new CellValue(46086), StyleIndex = 1 },
                    new Cell { CellReference = "C2", CellValue = new CellValue(2) }, new Cell { CellReference = "D2", CellFormula = new CellFormula("C2*12"), CellValue = new CellValue(24) }) { RowIndex = 2 },
                new Row(Text("A3", "PO-10"), new Cell { CellReference = "C3", DataType = CellValues.Error, CellValue = new CellValue("#DIV/0!") }) { RowIndex = 3 }));
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "采购" }));
        }

        return stream.ToArray();
    }
}
