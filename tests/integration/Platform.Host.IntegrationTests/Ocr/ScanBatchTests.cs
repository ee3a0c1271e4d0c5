using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Packages;
using Platform.Records.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Ocr.Native;
using Platform.Records.Ocr;

namespace Platform.Host.IntegrationTests.Ocr;

/// <summary>
/// Scanned order capture through the host: a package stores its form templates; a stack of scans uploaded in
/// one request is read in the background, page by page, each bad file with its reason while the rest goes on;
/// every read cell keeps its picture.
/// </summary>
public sealed class ScanBatchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocr-batch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_package_stores_its_form_templates_once_and_a_changed_one_as_the_next_version()
    {
        await using var host = await PlatformHost.StartAsync("Sqlite");
        var files = AppPackageFolder.Read(ScanBatches.Package);
        async Task<AppPackageReport> Apply(IReadOnlyList<Records.Packages.AppPackageFile> package) =>
            await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(package, "admin"));

        var first = await Apply(files);
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        var again = await Apply(files);
        var changed = await Apply([.. files.Select(f => f.Path.EndsWith(".template.json", StringComparison.Ordinal)
            ? f with { Content = f.Content.Replace("\"服装订货单\"", "\"服装订货单（秋季）\"", StringComparison.Ordinal) } : f)]);

        Assert.Contains("form template apparel_order", first.Created);
        Assert.Contains("form template apparel_order", again.Unchanged);
        Assert.Contains("form template apparel_order", changed.Changed);
        var client = await host.CreateAdminClientAsync();
        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/ocr/templates")).EnumerateArray().Single();
        Assert.Equal(2, listed.GetProperty("version").GetInt32());
        Assert.Equal("服装订货单（秋季）", listed.GetProperty("label").GetProperty("zh-CN").GetString());
        var blank = await client.GetAsync("/api/ocr/templates/apparel_order/blank");
        Assert.Equal("image/png", blank.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllBytes(Path.Combine(ScanBatches.Package, "ocr", "apparel_order.blank.png")), await blank.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_package_with_a_broken_template_is_refused_with_the_file_and_what_is_wrong()
    {
        await using var host = await PlatformHost.StartAsync("Sqlite");
        var files = AppPackageFolder.Read(ScanBatches.Package).Select(f => f.Path.EndsWith(".template.json", StringComparison.Ordinal)
            ? f with { Content = f.Content.Replace("\"dpi\": 200", "\"dpi\": 0", StringComparison.Ordinal) } : f).ToList();

        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(files, "admin"));

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Path == "ocr/apparel_order.template.json" && e.Message.Contains("dpi", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await host.InScopeAsync(s => s.GetRequiredService<IScanBatchStore>().TemplatesAsync()));
    }

    [SkippableFact]
    public async Task Uploaded_scans_are_read_in_the_background_and_each_bad_file_gets_its_reason_while_the_rest_is_read()
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        await using var host = await PlatformHost.StartAsync("Sqlite");
        await ScanBatches.ApplyPackageAsync(host);
        var scans = await ScanBatches.CorpusAsync(_folder, 3, seed: 21);
        var client = await host.CreateAdminClientAsync();

        var response = await ScanBatches.UploadAsync(client, "apparel_order",
        [
            .. scans.Select(s => (Path.GetFileName(s), File.ReadAllBytes(s))),
            ("empty.png", Array.Empty<byte>()),
            ("notes.jpg", Encoding.UTF8.GetBytes("not a scan at all")),
        ], name: "Spring fair, hall 2");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var batch = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var state = await ScanBatches.WaitAsync(client, batch, ScanBatches.IsRead);

        Assert.True(ScanBatches.IsRead(state), state.ToString());
        var pages = state.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(5, pages.Count);
        Assert.Equal([1, 2, 3, 4, 5], pages.Select(p => p.GetProperty("ordinal").GetInt32()));
        Assert.All(pages.Take(3), p => Assert.Equal("read", p.GetProperty("state").GetString()));
        Assert.Equal(("The file is empty.", "empty_file"), (pages[3].GetProperty("reason").GetString(), pages[3].GetProperty("reasonCode").GetString()));
        Assert.Equal("not_a_scan", pages[4].GetProperty("reasonCode").GetString());
        Assert.Contains("not an image", pages[4].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.All(pages.Skip(3), p => Assert.Equal("rejected", p.GetProperty("state").GetString()));
        Assert.Equal("Spring fair, hall 2", state.GetProperty("batch").GetProperty("name").GetString());

        var first = pages[0].GetProperty("id").GetGuid();
        var cells = (await client.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}/pages/{first}/cells")).EnumerateArray().ToList();
        var dealer = cells.Single(c => c.GetProperty("path").GetString() == "dealer_code");
        Assert.Equal(ScanBatches.TruthOf(scans[0], "dealer_code"), dealer.GetProperty("value").GetString());
        var crop = await client.GetAsync(dealer.GetProperty("crop").GetString());
        Assert.Equal("image/png", crop.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, (await crop.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task A_batch_needs_a_known_template_and_files_and_people_without_the_permission_see_none()
    {
        await using var host = await PlatformHost.StartAsync("Sqlite");
        await ScanBatches.ApplyPackageAsync(host);
        var admin = await host.CreateAdminClientAsync();
        await Accounts.CreateUserAsync(host, "clerk", "Clerk-passw0rd");
        var clerk = await host.CreateClientForAsync("clerk", "Clerk-passw0rd");

        var unknown = await ScanBatches.UploadAsync(admin, "shoe_order", [("a.png", [1, 2, 3])]);
        var none = await ScanBatches.UploadAsync(admin, "apparel_order", []);
        var notMultipart = await admin.PostAsJsonAsync("/api/ocr/batches", new { template = "apparel_order" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("shoe_order", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notMultipart.StatusCode);
        var longName = await ScanBatches.UploadAsync(admin, "apparel_order", [("a.png", [1, 2, 3])], name: new string('x', 5000));
        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        Assert.Contains("name", await longName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/ocr/batches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScanBatches.UploadAsync(clerk, "apparel_order", [("a.png", [1, 2, 3])])).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/ocr/templates")).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/ocr/batches")).EnumerateArray());
    }
}
