using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Data;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>Attachment and image fields: files uploaded once, attached to a record, and downloadable by those who may read it.</summary>
public sealed class AttachmentTests
{
    private const string Password = "Sales-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    /// <summary>The 8-byte PNG signature and some bytes: enough for the platform to know a picture.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];

    private static EntityDefinition Product() => new()
    {
        Name = "product", Label = LocalizedText.Of("产品", "Product"),
        Fields =
        [
            EntitySamples.Field("name", "text", "名称", "Name"),
            EntitySamples.Field("photos", "image", "图片", "Photos"),
            EntitySamples.Field("contract", "attachment", "合同", "Contract"),
        ],
    };

    private static async Task<(PlatformHost Host, HttpClient Admin, HttpClient Alice)> StartAsync(string provider, params (string, string?)[] settings)
    {
        var host = await PlatformHost.StartAsync(provider, settings);
        var created = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(Product(), "admin"));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        await Accounts.CreateRoleAsync(host, "Sales", "Records.product.Create", "Records.product.Read.Own", "Records.product.Update.Own");
        await Accounts.CreateUserAsync(host, "alice", Password, "Sales");
        return (host, await host.CreateAdminClientAsync(), await host.CreateClientForAsync("alice", Password));
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, string name, byte[] content, string type)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(type);
        var response = await client.PostAsync($"/api/files?name={Uri.EscapeDataString(name)}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpResponseMessage> PostProductAsync(HttpClient client, object values) =>
        await client.PostAsJsonAsync("/odata/product", values);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Uploaded_files_attach_to_a_record_and_come_back_to_those_who_may_read_it(string provider)
    {
        var (host, admin, alice) = await StartAsync(provider);
        await using var _ = host;
        var photo = await UploadAsync(admin, "羊毛衫.png", Png, "application/octet-stream");
        var contract = await UploadAsync(admin, "contract.html", "<script>alert(1)</script>"u8.ToArray(), "text/html");
        Assert.Equal("image/png", photo.GetProperty("contentType").GetString());
        Assert.Equal("application/octet-stream", contract.GetProperty("contentType").GetString());

        var saved = await PostProductAsync(admin, new { name = "Sweater", photos = new[] { photo.GetProperty("id").GetString() }, contract = new[] { contract.GetProperty("id").GetString() } });

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var record = await saved.Content.ReadFromJsonAsync<JsonElement>();
        var stored = record.GetProperty("photos")[0];
        Assert.Equal(("羊毛衫.png", 16L), (stored.GetProperty("name").GetString(), stored.GetProperty("size").GetInt64()));
        var picture = await admin.GetAsync($"/api/files/{photo.GetProperty("id").GetString()}");
        Assert.Equal(Png, await picture.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", picture.Content.Headers.ContentType!.MediaType);
        Assert.Null(picture.Content.Headers.ContentDisposition);
        var download = await admin.GetAsync($"/api/files/{contract.GetProperty("id").GetString()}");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        // A file is served as uploaded, in a sandbox: nothing in it runs or loads, whatever it holds.
        Assert.Equal("default-src 'none'; sandbox", picture.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("default-src 'none'; sandbox", download.Headers.GetValues("Content-Security-Policy").Single());

        // Alice may read her own products only: the admin's files are not hers to see or to attach elsewhere.
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/files/{photo.GetProperty("id").GetString()}")).StatusCode);
        var taken = await PostProductAsync(alice, new { name = "Copy", photos = new[] { photo.GetProperty("id").GetString() } });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var reused = await PostProductAsync(admin, new { name = "Second", photos = new[] { photo.GetProperty("id").GetString() } });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);

        var own = await UploadAsync(alice, "mine.png", Png, "image/png");
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/files/{own.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/files/{own.GetProperty("id").GetString()}")).StatusCode); // not attached yet: the uploader's alone
        Assert.Equal(HttpStatusCode.Created, (await PostProductAsync(alice, new { name = "Mine", photos = new[] { own.GetProperty("id").GetString() } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/files/{own.GetProperty("id").GetString()}")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Image_fields_take_pictures_only_and_oversized_or_empty_uploads_store_nothing(string provider)
    {
        var (host, admin, _) = await StartAsync(provider, ("Platform:Files:MaxBytes", "1024"));
        await using var __ = host;
        var text = await UploadAsync(admin, "photo.png", "not a picture"u8.ToArray(), "image/png");
        Assert.Equal("application/octet-stream", text.GetProperty("contentType").GetString());

        var refused = await PostProductAsync(admin, new { name = "Bad", photos = new[] { text.GetProperty("id").GetString() } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("photo.png", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var large = new ByteArrayContent(new byte[2048]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await admin.PostAsync("/api/files?name=big.bin", large)).StatusCode);
        using var empty = new ByteArrayContent([]);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("/api/files?name=empty.bin", empty)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostProductAsync(admin, new { name = "Bad", photos = "not a list" })).StatusCode);
        Assert.Equal(1, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().StoredFiles.CountAsync()));
        var folder = Path.Combine(host.Database.DataDirectory, "files");
        Assert.Single(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
    }
}
