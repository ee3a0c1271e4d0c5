using Platform.Records.Query.Spreadsheets;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Records;
using Platform.DataTransfer.Export;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>
/// Running an import: all or nothing (a file with bad rows writes nothing and reports every bad row),
/// or skipping bad rows; insert, update and upsert by a key of one or several fields; an exported
/// list imported back in upsert mode makes no duplicates.
/// </summary>
public sealed class ImportRunTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<(PlatformHost Host, HttpClient Admin)> StartAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        return (host, await ImportClients.EnglishAdminAsync(host));
    }

    private static Task<Guid> UploadAsync(HttpClient client, byte[] content, string name) => ImportClients.UploadAsync(client, content, name);

    private static Task<JsonElement> ImportAsync(HttpClient client, Guid file, object options) => ImportClients.RunAsync(client, "product", file, options);

    private static Task<int> CountAsync(PlatformHost host) => host.InScopeAsync(async s =>
    {
        await using var reader = await s.GetRequiredService<RecordStore>().OpenReaderAsync("product");
        return await reader!.Live.CountAsync();
    });

    /// <summary>1,000 products as a workbook: rows 101, 502 and 903 bad (a stock that is no number, a negative stock, no code).</summary>
    private static async Task<byte[]> ThousandProductsAsync()
    {
        using var stream = new MemoryStream();
        await using (var writer = new XlsxExportWriter(stream, "产品"))
        {
            await writer.WriteHeadingsAsync(["编码", "名称", "库存", "上市日期", "状态"], default);
            for (var i = 1; i <= 1000; i++)
            {
                object? stock = i switch { 100 => "lots", 501 => -5m, _ => (decimal)i };
                await writer.WriteRowAsync([i == 902 ? null : $"P-{i:D4}", $"产品 {i}", stock, new DateOnly(2026, 3, 5), i % 2 == 0 ? "在售" : "draft"], default);
            }

            await writer.CompleteAsync(default);
        }

        return stream.ToArray();
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_thousand_rows_with_three_bad_ones_write_nothing_and_report_the_three_or_keep_the_good_ones_when_asked(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;
        var file = await UploadAsync(client, await ThousandProductsAsync(), "products.xlsx");

        var all = await ImportAsync(client, file, new { });

        Assert.Equal(("rolledBack", 3, 0), (all.GetProperty("status").GetString(), all.GetProperty("failedRows").GetInt32(), all.GetProperty("inserted").GetInt32()));
        Assert.Equal(0, await CountAsync(host));
        var report = Encoding.UTF8.GetString((await client.GetByteArrayAsync($"/api/import/jobs/{all.GetProperty("id").GetGuid()}/errors.csv"))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, report.Length);
        Assert.Equal(["101", "502", "903"], report.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Contains("库存: 'lots' is not a whole number", report[1], StringComparison.Ordinal);

        var skipping = await ImportAsync(client, file, new { onError = "skip" });

        Assert.Equal(("completed", 997, 3), (skipping.GetProperty("status").GetString(), skipping.GetProperty("inserted").GetInt32(), skipping.GetProperty("failedRows").GetInt32()));
        Assert.Equal(997, await CountAsync(host));
        Assert.Equal(1000, skipping.GetProperty("processed").GetInt32());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_exported_list_imported_back_in_upsert_mode_updates_and_makes_no_duplicates(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;
        var seed = await UploadAsync(client, Encoding.UTF8.GetBytes("Code,Name,Stock\r\nP-1,Scarf,5\r\nP-2,Shawl,7\r\n"), "seed.csv");
        Assert.Equal(2, (await ImportAsync(client, seed, new { })).GetProperty("inserted").GetInt32());

        var exported = await client.GetByteArrayAsync("/api/export/product?$select=code,name,stock");
        var again = await ImportAsync(client, await UploadAsync(client, exported, "export.xlsx"), new { key = new[] { "code" }, mode = "upsert" });
        var changed = await ImportAsync(client, await UploadAsync(client, Encoding.UTF8.GetBytes("Code,Name,Stock\r\nP-2,Shawl,9\r\nP-3,Hat,1\r\n"), "more.csv"),
            new { key = new[] { "code", "name" }, mode = "upsert" });

        Assert.Equal(("completed", 0, 2), (again.GetProperty("status").GetString(), again.GetProperty("inserted").GetInt32(), again.GetProperty("updated").GetInt32()));
        Assert.Equal((1, 1), (changed.GetProperty("inserted").GetInt32(), changed.GetProperty("updated").GetInt32()));
        Assert.Equal(3, await CountAsync(host));
        var stock = await host.InScopeAsync(async s =>
        {
            await using var reader = await s.GetRequiredService<RecordStore>().OpenReaderAsync("product");
            return (await reader!.FindByAsync(reader.Entity, "code", ["P-2"], default)).Single()["stock"];
        });
        Assert.Equal(9L, stock);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Per_cents_export_as_people_read_them_and_import_back_to_the_same_share_from_csv_and_xlsx(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;
        var seed = await UploadAsync(client, Encoding.UTF8.GetBytes("Code,Discount\r\nP-1,13%\r\nP-2,0.125\r\n"), "seed.csv");
        Assert.Equal(2, (await ImportAsync(client, seed, new { })).GetProperty("inserted").GetInt32());

        var csv = await client.GetByteArrayAsync("/api/export/product?format=csv&$select=code,discount&$orderby=code");
        Assert.Equal("Code,Discount\r\nP-1,13%\r\nP-2,12.5%\r\n", Encoding.UTF8.GetString(csv[3..]));
        await ImportAsync(client, await UploadAsync(client, Encoding.UTF8.GetBytes("Code,Discount\r\nP-1,20%\r\nP-2,0.5\r\n"), "changed.csv"), new { key = new[] { "code" }, mode = "upsert" });
        var fromCsv = await ImportAsync(client, await UploadAsync(client, csv, "export.csv"), new { key = new[] { "code" }, mode = "upsert" });
        Assert.Equal([0.13m, 0.125m], await DiscountsAsync(host));

        var xlsx = await client.GetByteArrayAsync("/api/export/product?$select=code,discount&$orderby=code");
        await ImportAsync(client, await UploadAsync(client, Encoding.UTF8.GetBytes("Code,Discount\r\nP-1,1%\r\nP-2,1%\r\n"), "changed.csv"), new { key = new[] { "code" }, mode = "upsert" });
        var fromXlsx = await ImportAsync(client, await UploadAsync(client, xlsx, "export.xlsx"), new { key = new[] { "code" }, mode = "upsert" });

        Assert.Equal(2, fromCsv.GetProperty("updated").GetInt32());
        Assert.Equal(2, fromXlsx.GetProperty("updated").GetInt32());
        Assert.Equal([0.13m, 0.125m], await DiscountsAsync(host));
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var styles = workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<DocumentFormat.OpenXml.Spreadsheet.CellFormat>().ToList();
        var cell = workbook.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ElementAt(1)
            .Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(1);
        Assert.Equal("0.13", cell.CellValue!.Text);
        Assert.Equal(10u, styles[(int)cell.StyleIndex!.Value].NumberFormatId!.Value); // Excel shows 13.00%
    }

    private static Task<List<decimal>> DiscountsAsync(PlatformHost host) => host.InScopeAsync(async s =>
    {
        await using var reader = await s.GetRequiredService<RecordStore>().OpenReaderAsync("product");
        return (await reader!.FindByAsync(reader.Entity, "code", ["P-1", "P-2"], default)).OrderBy(r => (string)r["code"]!).Select(r => (decimal)r["discount"]!).ToList();
    });

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Insert_only_update_only_and_repeated_keys_name_the_rows_they_refuse(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;
        await ImportAsync(client, await UploadAsync(client, Encoding.UTF8.GetBytes("Code,Name\r\nP-1,Scarf\r\n"), "seed.csv"), new { });
        var file = await UploadAsync(client, Encoding.UTF8.GetBytes("Code,Name\r\nP-1,Scarf\r\nP-9,Hat\r\nP-9,Cap\r\n"), "more.csv");

        var insert = await ImportAsync(client, file, new { key = new[] { "code" }, mode = "insert", onError = "skip" });
        var update = await ImportAsync(client, file, new { key = new[] { "code" }, mode = "update", onError = "skip" });
        var unknown = await ImportAsync(client, await UploadAsync(client, Encoding.UTF8.GetBytes("Code,Name\r\nP-7,New\r\n"), "new.csv"), new { key = new[] { "code" }, mode = "update" });
        var badKey = await client.PostAsJsonAsync("/api/import/product", new { file, key = new[] { "stock" }, mode = "upsert" });
        var noKey = await client.PostAsJsonAsync("/api/import/product", new { file, mode = "update" });
        var badMode = await client.PostAsJsonAsync("/api/import/product", new { file, mode = "replace" });
        var other = await Accounts.CreateUserAsync(host, "other", "Other-passw0rd");
        var otherClient = await host.CreateClientForAsync("other", "Other-passw0rd");

        string[] Problems(JsonElement job) => [.. job.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("row").GetInt32()}: {e.GetProperty("message").GetString()}")];
        Assert.Equal(["2: A record with this Code exists already (insert only).", "4: Row 3 has the same key (Code); each record once per file."], Problems(insert));
        Assert.Equal(1, insert.GetProperty("inserted").GetInt32());
        Assert.Equal(["4: Row 3 has the same key (Code); each record once per file."], Problems(update));
        Assert.Equal(2, update.GetProperty("updated").GetInt32());
        Assert.Equal(["2: No record has this Code (update only)."], Problems(unknown));
        Assert.Equal("rolledBack", unknown.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Contains("No column of the file fills the key field 'stock'", await badKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/import/jobs/{insert.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.False(string.IsNullOrEmpty(other));
    }
}
