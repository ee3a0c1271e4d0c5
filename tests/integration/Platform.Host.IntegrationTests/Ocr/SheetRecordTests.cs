using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Core.Security;
using Platform.DataTransfer.Import;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Ocr.Native;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Ocr;

/// <summary>
/// Confirmed sheets become trade-fair orders through the record service — header fields, the ticked delivery box as a
/// choice, one line per written size with colours as the entity's choices — and the same sheet scanned twice is refused
/// naming the first; a sheet the record service refuses keeps its reason bound to the cell; sheets with flags nobody
/// confirmed wait. The export holds one row per line with the header repeated, the summary the totals per style, colour and size.
/// </summary>
public sealed class SheetRecordTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocr-records-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Confirmed_sheets_become_orders_with_a_line_per_size_and_a_sheet_scanned_twice_is_refused(string provider)
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        await using var host = await PlatformHost.StartAsync(provider);
        await ScanBatches.ApplyPackageAsync(host);
        var admin = await host.CreateAdminClientAsync();
        var scans = await ScanBatches.CorpusAsync(_folder, 3, seed: 61);
        await ScanBatches.AddDealersAsync(host, scans);
        var batch = await ScanBatches.UploadScansAsync(admin, [.. scans, scans[0]]); // the first sheet fed twice
        var state = await ScanBatches.WaitAsync(admin, batch, ScanBatches.IsRead);
        Assert.True(ScanBatches.IsRead(state));

        // Nothing confirmed yet: every sheet with a flag waits.
        var early = await (await admin.PostAsync($"/api/ocr/batches/{batch}/records", null)).Content.ReadFromJsonAsync<JsonElement>();
        var inDoubt = 0;
        foreach (var page in state.GetProperty("pages").EnumerateArray())
        {
            var cells = await admin.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}/pages/{page.GetProperty("id").GetGuid()}/cells");
            inDoubt += cells.EnumerateArray().Any(c => c.GetProperty("flags").GetArrayLength() > 0) ? 1 : 0;
        }

        Assert.Equal(inDoubt, early.GetProperty("waiting").GetInt32());
        await ProofreadToTruthAsync(admin, batch, state, scans);
        var run = await admin.PostAsync($"/api/ocr/batches/{batch}/records", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var made = await run.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, early.GetProperty("created").GetInt32() + early.GetProperty("duplicates").GetInt32() + early.GetProperty("waiting").GetInt32());
        Assert.Equal(3, early.GetProperty("created").GetInt32() + made.GetProperty("created").GetInt32());
        Assert.Equal(1, made.GetProperty("duplicates").GetInt32()); // the twin, refused on every run once its first is a record
        Assert.Equal(0, made.GetProperty("waiting").GetInt32());

        var orders = await OrdersAsync(host);
        Assert.Equal(3, orders.Count);
        foreach (var scan in scans)
        {
            var truth = Truth(scan);
            var order = orders.Single(o => (string?)o["dealer_code"] == truth["dealer_code"] && (string?)o["scan"] == $"{Name(state)} #{scans.ToList().IndexOf(scan) + 1}");
            Assert.Equal(DateOnly.Parse(truth["order_date"], System.Globalization.CultureInfo.InvariantCulture), order["order_date"]);
            Assert.Equal(truth.GetValueOrDefault("urgent") == "true" ? "urgent" : truth.GetValueOrDefault("regular") == "true" ? "regular" : null, order["delivery"]);
            Assert.StartsWith("TF-", (string)order["order_no"]!, StringComparison.Ordinal);
            Assert.Equal(await DealerAsync(host, truth["dealer_code"]), order["dealer"]);
            var expected = truth.Where(t => t.Key.StartsWith("lines[", StringComparison.Ordinal) && t.Key.Contains(".qty_", StringComparison.Ordinal) && t.Value.Trim('0').Length > 0)
                .Select(t => (Row: Row(t.Key), Size: t.Key[(t.Key.IndexOf(".qty_", StringComparison.Ordinal) + 5)..].ToUpperInvariant(), Quantity: long.Parse(t.Value, System.Globalization.CultureInfo.InvariantCulture)))
                .Select(l => (Style: truth[$"lines[{l.Row}].style_no"], Colour: Colours[truth[$"lines[{l.Row}].colour"]], l.Size, l.Quantity))
                .Order().ToList();
            var lines = ((IEnumerable<IReadOnlyDictionary<string, object?>>)order["lines"]!)
                .Select(l => (Style: (string)l["style_no"]!, Colour: (string)l["colour"]!, Size: (string)l["size"]!, Quantity: (long)l["quantity"]!)).Order().ToList();
            Assert.Equal(expected, lines);
        }

        // The second copy of the first sheet is refused, naming the first; a second run makes nothing new.
        var pages = (await admin.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}")).GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(3, pages.Count(p => p.GetProperty("recordId").ValueKind == JsonValueKind.String));
        var twin = pages.Single(p => p.GetProperty("recordId").ValueKind == JsonValueKind.Null);
        var reason = twin.GetProperty("recordProblems").EnumerateArray().Single().GetProperty("message").GetString();
        Assert.Contains(Name(state), reason, StringComparison.Ordinal);
        var again = await (await admin.PostAsync($"/api/ocr/batches/{batch}/records", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 3, 1), (again.GetProperty("created").GetInt32(), again.GetProperty("alreadyMade").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(3, (await OrdersAsync(host)).Count);

        // The export: one row per line, the header repeated, numbers as numbers; the summary adds up to the same.
        var allLines = orders.SelectMany(o => (IEnumerable<IReadOnlyDictionary<string, object?>>)o["lines"]!).ToList();
        var xlsx = await admin.GetAsync($"/api/ocr/batches/{batch}/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var table = ImportFile.Read(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), "batch.xlsx", host.Services.GetRequiredService<IStringLocalizer>());
        Assert.Equal(allLines.Count, table.Rows.Count); // the twin is not exported again
        var headings = table.Headings.ToList();
        var quantity = headings.FindIndex(h => h is "数量" or "Quantity");
        var dealer = headings.FindIndex(h => h is "经销商编号" or "Dealer code");
        var record = headings.FindIndex(h => h is "记录" or "Record");
        Assert.True(quantity >= 0 && dealer >= 0 && record >= 0, string.Join(", ", headings));
        Assert.Equal(orders.Select(o => (string)o["order_no"]!).Order(), table.Rows.Select(r => Convert.ToString(r.Cells[record], System.Globalization.CultureInfo.InvariantCulture)!).Distinct().Order());
        Assert.All(table.Rows, r => Assert.Matches(@"^D\d{4}$", Convert.ToString(r.Cells[dealer], System.Globalization.CultureInfo.InvariantCulture)!));
        var exported = table.Rows.Sum(r => Convert.ToDecimal(r.Cells[quantity], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(allLines.Sum(l => (long)l["quantity"]!), exported);
        var csv = await admin.GetStringAsync($"/api/ocr/batches/{batch}/export?format=csv");
        Assert.Equal(table.Rows.Count + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var summary = await admin.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}/summary");
        Assert.Equal(exported, summary.GetProperty("total").GetDecimal());
        Assert.Equal(["S", "M", "L", "XL", "XXL"], summary.GetProperty("sizes").EnumerateArray().Select(s => s.GetString()));
        Assert.All(summary.GetProperty("rows").EnumerateArray(), r => Assert.Equal(r.GetProperty("total").GetDecimal(), r.GetProperty("quantities").EnumerateArray().Sum(q => q.GetDecimal())));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/ocr/batches/{batch}/summary?format=xlsx")).StatusCode);
    }

    [SkippableFact]
    public async Task A_sheet_the_record_service_refuses_keeps_the_reason_on_its_cell_and_nothing_is_written()
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        await using var host = await PlatformHost.StartAsync("Sqlite");
        await ScanBatches.ApplyPackageAsync(host);
        var admin = await host.CreateAdminClientAsync();
        var scans = await ScanBatches.CorpusAsync(_folder, 1, seed: 62);
        await ScanBatches.AddDealersAsync(host, scans);
        var batch = await ScanBatches.UploadScansAsync(admin, scans);
        var state = await ScanBatches.WaitAsync(admin, batch, ScanBatches.IsRead);
        await ProofreadToTruthAsync(admin, batch, state, scans);

        // A quantity of 1000 is more than a line may hold (max 999), and both delivery boxes ticked.
        var page = state.GetProperty("pages")[0].GetProperty("id").GetGuid();
        var cells = (await admin.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}/pages/{page}/cells")).EnumerateArray().ToList();
        var quantity = cells.First(c => c.GetProperty("field").GetString() == "qty_m" && c.GetProperty("current").GetString() is { Length: > 0 });
        await CorrectAsync(admin, batch, [quantity.GetProperty("id").GetInt64()], "1000");
        var refused = await (await admin.PostAsync($"/api/ocr/batches/{batch}/records", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1), (refused.GetProperty("created").GetInt32(), refused.GetProperty("refused").GetInt32()));
        var problem = (await admin.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}")).GetProperty("pages")[0].GetProperty("recordProblems").EnumerateArray().Single();
        Assert.Equal(quantity.GetProperty("path").GetString(), problem.GetProperty("path").GetString());
        Assert.Empty(await OrdersAsync(host));

        var boxes = cells.Where(c => c.GetProperty("field").GetString() is "urgent" or "regular").Select(c => c.GetProperty("id").GetInt64()).ToList();
        await CorrectAsync(admin, batch, boxes, "true");
        await CorrectAsync(admin, batch, [quantity.GetProperty("id").GetInt64()], "12");
        var twice = await (await admin.PostAsync($"/api/ocr/batches/{batch}/records", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, twice.GetProperty("refused").GetInt32());
        problem = (await admin.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}")).GetProperty("pages")[0].GetProperty("recordProblems").EnumerateArray().Single();
        Assert.Equal("urgent", problem.GetProperty("path").GetString());

        await CorrectAsync(admin, batch, [boxes[1]], "false");
        var made = await (await admin.PostAsync($"/api/ocr/batches/{batch}/records", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, made.GetProperty("created").GetInt32());
        var order = Assert.Single(await OrdersAsync(host));
        Assert.Contains(((IEnumerable<IReadOnlyDictionary<string, object?>>)order["lines"]!), l => (long)l["quantity"]! == 12);

        // Someone who may read batches but not make records; and a batch that does not exist.
        await Accounts.CreateRoleAsync(host, "viewers", "OcrCapture.Batches.Read");
        await Accounts.CreateUserAsync(host, "viewer", "Viewer-passw0rd", "viewers");
        var viewer = await host.CreateClientForAsync("viewer", "Viewer-passw0rd");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/ocr/batches/{batch}/records", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/ocr/batches/{Guid.NewGuid()}/records", null)).StatusCode);
    }

    [SkippableFact]
    public async Task A_dealer_code_is_read_against_the_dealer_list_and_a_code_no_dealer_has_keeps_the_sheet_from_becoming_an_order()
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        await using var host = await PlatformHost.StartAsync("Sqlite");
        await ScanBatches.ApplyPackageAsync(host);
        var admin = await host.CreateAdminClientAsync();
        var scans = await ScanBatches.CorpusAsync(_folder, 1, seed: 63);
        var written = ScanBatches.TruthOf(scans[0], "dealer_code");
        var listed = written[..^1] + (char)('0' + ((written[^1] - '0' + 1) % 10)); // the list has the dealer one digit off
        await ScanBatches.AddDealersAsync(host, scans, _ => listed);

        var batch = await ScanBatches.UploadScansAsync(admin, scans);
        var state = await ScanBatches.WaitAsync(admin, batch, ScanBatches.IsRead);
        var page = state.GetProperty("pages")[0].GetProperty("id").GetGuid();
        var code = (await admin.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}/pages/{page}/cells")).EnumerateArray().Single(c => c.GetProperty("field").GetString() == "dealer_code");
        Assert.Equal(listed, code.GetProperty("value").GetString()); // one character off the list: taken as the listed code, and flagged
        Assert.Contains("corrected", code.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        // The proof-reader puts back what the sheet says: no dealer has that code, so no order is made and the code cell says why.
        await ProofreadToTruthAsync(admin, batch, state, scans);
        var run = await (await admin.PostAsync($"/api/ocr/batches/{batch}/records", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1), (run.GetProperty("created").GetInt32(), run.GetProperty("refused").GetInt32()));
        var problem = (await admin.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}")).GetProperty("pages")[0].GetProperty("recordProblems").EnumerateArray().Single();
        Assert.Equal("dealer_code", problem.GetProperty("path").GetString());
        Assert.Contains(written, problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await OrdersAsync(host));

        // Whoever looks at the batch later reads why in their own language, whichever language the orders were made in.
        foreach (var (language, says) in new[] { ("en", $"Dealer: no record has Dealer code '{written}'."), ("zh-CN", $"经销商：没有经销商编号为“{written}”的记录。") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/ocr/batches/{batch}");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var seen = await (await admin.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(says, seen.GetProperty("pages")[0].GetProperty("recordProblems")[0].GetProperty("message").GetString());
        }

        await CorrectAsync(admin, batch, [code.GetProperty("id").GetInt64()], listed);
        run = await (await admin.PostAsync($"/api/ocr/batches/{batch}/records", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, run.GetProperty("created").GetInt32());
        Assert.Equal(await DealerAsync(host, listed), Assert.Single(await OrdersAsync(host))["dealer"]);
    }

    private static Task<Guid> DealerAsync(PlatformHost host, string code) =>
        host.InScopeAsync(async s =>
        {
            await using var reader = await s.GetRequiredService<IRecordStore>().OpenReaderAsync("dealer");
            return (Guid)Assert.Single(await reader!.FindByAsync(reader.Entity, "code", [code], CancellationToken.None))["id"]!;
        });

    private static readonly Dictionary<string, string> Colours = new(StringComparer.Ordinal)
    {
        ["黑色"] = "black", ["白色"] = "white", ["藏青"] = "navy", ["红色"] = "red", ["灰色"] = "grey", ["米色"] = "beige", ["卡其"] = "khaki", ["墨绿"] = "dark_green",
    };

    private static string Name(JsonElement state) => state.GetProperty("batch").GetProperty("name").GetString()!;

    private static int Row(string path) => int.Parse(path[6..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Truth(string scan) =>
        JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(scan, ".json"))).RootElement.GetProperty("values").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static async Task<List<IReadOnlyDictionary<string, object?>>> OrdersAsync(PlatformHost host) =>
        await host.InScopeAsync(async s =>
        {
            var records = s.GetRequiredService<IRecordStore>();
            await using var reader = await records.OpenReaderAsync("fair_order");
            var ids = reader!.Live.AsEnumerable().Select(r => (Guid)reader.Present(r)["id"]!).ToList();
            var list = new List<IReadOnlyDictionary<string, object?>>();
            foreach (var id in ids)
            {
                list.Add((await records.GetAsync("fair_order", id))!);
            }

            return list;
        });

    private static async Task CorrectAsync(HttpClient client, Guid batch, IEnumerable<long> cells, string? value) =>
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/ocr/batches/{batch}/cells/correct", new { cells, value, how = "sheet" })).StatusCode);

    /// <summary>What a careful proof-reader does: every cell set to what the sheet really says (corrected where the reader erred, else confirmed).</summary>
    internal static async Task ProofreadToTruthAsync(HttpClient client, Guid batch, JsonElement state, IReadOnlyList<string> scans)
    {
        var files = state.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetGuid(), f => f.GetProperty("fileName").GetString()!);
        foreach (var page in state.GetProperty("pages").EnumerateArray().Where(p => p.GetProperty("state").GetString() == "read"))
        {
            var truth = Truth(scans.First(s => Path.GetFileName(s) == files[page.GetProperty("fileId").GetGuid()]));
            var cells = (await client.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}/pages/{page.GetProperty("id").GetGuid()}/cells")).EnumerateArray().ToList();
            var wanted = cells.Select(c => (Id: c.GetProperty("id").GetInt64(), Now: c.GetProperty("current").GetString(),
                Want: truth.GetValueOrDefault(c.GetProperty("path").GetString()!) ?? (c.GetProperty("kind").GetString() == "check" ? "false" : null))).ToList();
            foreach (var wrong in wanted.Where(w => w.Now != w.Want).GroupBy(w => w.Want))
            {
                await CorrectAsync(client, batch, wrong.Select(w => w.Id), wrong.Key);
            }

            var right = wanted.Where(w => w.Now == w.Want).Select(w => w.Id).ToList();
            if (right.Count > 0)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/ocr/batches/{batch}/cells/accept", new { cells = right, how = "sheet" })).StatusCode);
            }
        }
    }
}
