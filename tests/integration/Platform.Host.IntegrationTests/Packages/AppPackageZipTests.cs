using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Apps.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Packages;

namespace Platform.Host.IntegrationTests.Packages;

/// <summary>
/// Apps leave as a zip and come in as one through <c>/api/apps</c>: a dry run first, then the install; a zip that escapes its folder,
/// is too large or unpacks into a bomb, or holds a broken document is refused naming the file, with nothing applied.
/// </summary>
public sealed class AppPackageZipTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string Package(string name) => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", name);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> InstallAsync(HttpClient client, HttpContent zip, string query = "")
    {
        using var response = await client.PostAsync($"/api/apps/install?file=shop.zip{query}", zip);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static ByteArrayContent Zip(params (string Path, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in entries)
            {
                using var entry = archive.CreateEntry(path, CompressionLevel.SmallestSize).Open();
                entry.Write(bytes);
            }
        }

        return Bytes(buffer.ToArray());
    }

    private static ByteArrayContent Bytes(byte[] zip) => new(zip) { Headers = { ContentType = new MediaTypeHeaderValue("application/zip") } };

    private static (string, byte[]) Text(string path, string content) => (path, Encoding.UTF8.GetBytes(content));

    private static readonly (string, byte[]) Manifest = Text("package.json", """{ "name": "shop", "version": "1.0.0" }""");

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_app_exported_as_a_zip_installs_on_an_empty_platform_after_a_dry_run(string provider)
    {
        await using var first = await PlatformHost.StartAsync(provider, ("Platform:Packages:0", Package("samples")));
        var from = await first.CreateAdminClientAsync();
        using var exported = await from.GetAsync("/api/apps/export?name=sales&version=2.1.0&description=CRM");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("sales-2.1.0.zip", exported.Content.Headers.ContentDisposition?.FileNameStar ?? exported.Content.Headers.ContentDisposition?.FileName);
        var zip = await exported.Content.ReadAsByteArrayAsync();

        await using var second = await PlatformHost.StartAsync(provider);
        var to = await second.CreateAdminClientAsync();
        var (status, dryRun) = await InstallAsync(to, Bytes(zip), "&dryRun=true");
        Assert.True(status == HttpStatusCode.OK, dryRun.ToString());
        Assert.True(dryRun.GetProperty("dryRun").GetBoolean());
        Assert.Contains(dryRun.GetProperty("items").EnumerateArray(), i => i.GetProperty("item").GetString() == "entities/customer" && i.GetProperty("state").GetString() == "new");
        Assert.Contains(dryRun.GetProperty("applied").GetProperty("sql").EnumerateArray(), s => s.GetString()!.Contains("e_customer", StringComparison.Ordinal));
        var schema = await second.InScopeAsync(s => s.GetRequiredService<Platform.Records.ISchemaManager>().LoadSchemaAsync());
        Assert.Null(schema.Find("customer")); // a dry run applies nothing

        (status, var installed) = await InstallAsync(to, Bytes(zip));
        Assert.True(status == HttpStatusCode.OK, installed.ToString());
        using var list = await to.GetAsync("/api/apps");
        var app = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single();
        Assert.Equal(("sales", "2.1.0", "CRM"), (app.GetProperty("name").GetString(), app.GetProperty("version").GetString(), app.GetProperty("description").GetString()));
        Assert.Contains(app.GetProperty("items").EnumerateArray(), i => i.GetProperty("item").GetString() == "workflows/sales_order_approval" && !i.GetProperty("changedHere").GetBoolean());

        // Exported again from the second platform, the app is the same zip.
        using var again = await to.GetAsync("/api/apps/export?name=sales&version=2.1.0&description=CRM");
        Assert.Equal(zip, await again.Content.ReadAsByteArrayAsync());

        // The installed app exported as its own next version and installed over itself: files written differently, nothing to update.
        using var itself = await from.GetAsync("/api/apps/export?name=samples&version=1.1.0");
        var (same, plan) = await InstallAsync(from, Bytes(await itself.Content.ReadAsByteArrayAsync()), "&dryRun=true");
        Assert.True(same == HttpStatusCode.OK, plan.ToString());
        Assert.All(plan.GetProperty("items").EnumerateArray(), i => Assert.Equal("unchanged", i.GetProperty("state").GetString()));

        // Only the chosen items, when asked.
        using var some = await from.GetAsync("/api/apps/export?name=part&version=1.0.0&items=entities/product,views/sales_order.open");
        using var archive = new ZipArchive(new MemoryStream(await some.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["entities/product.json", "package.json", "views/sales_order.open.json"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        // An item not here, or a kind there is no such thing as, is said rather than handed out as an empty package.
        using var mistaken = await from.GetAsync("/api/apps/export?name=part&version=1.0.0&items=entities/prodcut,veiws");
        Assert.Equal(HttpStatusCode.BadRequest, mistaken.StatusCode);
        var said = await mistaken.Content.ReadAsStringAsync();
        Assert.Contains("entities/prodcut, veiws", said, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Zips_that_escape_their_folder_are_too_large_or_hold_a_broken_document_are_refused_naming_the_file(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Apps:MaxPackageMegabytes", "1"), ("Platform:Apps:MaxUnpackedMegabytes", "3"));
        var admin = await host.CreateAdminClientAsync();
        var entity = Text("entities/deal.json", """{ "name": "deal", "label": { "en": "Deal" }, "fields": [ { "name": "title", "type": "text", "label": { "en": "Title" } } ] }""");

        foreach (var (zip, expected, message) in new (HttpContent, HttpStatusCode, string)[]
        {
            (Zip(Manifest, entity, Text("../outside.json", "{}")), HttpStatusCode.BadRequest, "../outside.json"),
            (Zip(Manifest, entity, Text("/etc/cron.json", "{}")), HttpStatusCode.BadRequest, "/etc/cron.json"),
            (Zip(Manifest, entity, ("entities/big.json", new byte[4 * 1024 * 1024])), HttpStatusCode.BadRequest, "3 MB"), // 4 MB of zeros: a few KB zipped
            (Zip(Manifest, entity, ("ocr/noise.png", RandomBytes(1536 * 1024))), HttpStatusCode.RequestEntityTooLarge, "1 MB"),
            (new GigabyteContent(), HttpStatusCode.RequestEntityTooLarge, "shop.zip"),
            (Bytes("not a zip"u8.ToArray()), HttpStatusCode.BadRequest, "shop.zip"),
            (Zip(entity), HttpStatusCode.BadRequest, "package.json"),
            (Zip(Manifest, Text("entities/deal.json", """{ "name": "deal", "fields": [ """)), HttpStatusCode.BadRequest, "entities/deal.json"),
            (Zip(Text("package.json", """{ "name": "shop", "version": "2.0.0", "dependencies": { "base": "1.0.0" } }"""), entity), HttpStatusCode.BadRequest, "base"),
        })
        {
            var (status, body) = await InstallAsync(admin, zip);
            Assert.True(status == expected, $"{message}: {status} {body}");
            var said = string.Join(" ", body.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}"));
            Assert.Contains(message, said, StringComparison.Ordinal);
        }

        var schema = await host.InScopeAsync(s => s.GetRequiredService<Platform.Records.ISchemaManager>().LoadSchemaAsync());
        Assert.Null(schema.Find("deal"));
        using var list = await admin.GetAsync("/api/apps");
        Assert.Equal("[]", await list.Content.ReadAsStringAsync());

        // A zip of the package's folder reads as the folder; a version older than the installed one is refused.
        Assert.Equal(HttpStatusCode.OK, (await InstallAsync(admin, Zip(("shop/package.json", Manifest.Item2), ("shop/" + entity.Item1, entity.Item2), Text("shop/README.md", "# Shop")))).Status);
        var (older, refusal) = await InstallAsync(admin, Zip(Text("package.json", """{ "name": "shop", "version": "0.9.0" }"""), entity));
        Assert.Equal(HttpStatusCode.BadRequest, older);
        Assert.Equal("package.json: $.version", refusal.GetProperty("errors")[0].GetProperty("path").GetString());

        // Only those who may manage apps reach any of it.
        await Accounts.CreateRoleAsync(host, "Clerk", "Records.deal.Read.All");
        await Accounts.CreateUserAsync(host, "clerk", "Clerk-passw0rd!", "Clerk");
        var clerk = await host.CreateClientForAsync("clerk", "Clerk-passw0rd!");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/apps")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/apps/export?name=x&version=1.0.0")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await InstallAsync(clerk, Zip(Manifest, entity))).Status);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A body that says it is 1 GB (and would be, read to the end): refused on its length, before it is read.</summary>
    private sealed class GigabyteContent : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < 1024; i++)
            {
                await stream.WriteAsync(chunk);
            }
        }

        public GigabyteContent() => Headers.ContentType = new MediaTypeHeaderValue("application/zip");

        protected override bool TryComputeLength(out long length)
        {
            length = 1024L * 1024 * 1024;
            return true;
        }
    }
}
