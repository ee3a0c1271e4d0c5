using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Data.Files;
using Platform.Host.IntegrationTests.Cli;
using Platform.Host.IntegrationTests.Entities;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Files;

/// <summary>
/// Where uploads are kept: in the data folder (or a folder every host mounts) or in the database, streamed through either in
/// pieces so a file is never held whole in memory; moved between the two by a command while the host serves; and uploads
/// nobody attached removed after the grace period, while those a record, an import or a scan batch holds stay. Measured
/// alone, so the memory of other tests' hosts is not counted as the upload's.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class FileStoreTests
{
    private const long Large = 64L * 1024 * 1024;

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<Guid> UploadAsync(HttpClient client, Stream content, string name)
    {
        using var body = new StreamContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var response = await client.PostAsync($"/api/files?name={name}", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> DownloadHashAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/files/{id}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var content = await response.Content.ReadAsStreamAsync();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content));
    }

    /// <summary>The most this process held (after full collections) while <paramref name="work"/> ran, above what it held before.</summary>
    private static async Task<long> PeakGrowthAsync(Func<Task> work)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(250, CancellationToken.None); // a full collection is costly: often enough to catch a whole file held during a transfer of seconds
            }
        });
        await work();
        await stop.CancelAsync();
        await sampler;
        return peak - baseline;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_large_file_goes_into_the_database_in_pieces_and_comes_back_byte_for_byte_without_being_held_whole(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Files:Store", "database"), ("Platform:Files:MaxBytes", $"{Large * 2}"));
        var admin = await host.CreateAdminClientAsync(timeout: TimeSpan.FromMinutes(10)); // slow on a machine running other test processes beside it
        var expected = await GeneratedContent.HashAsync(Large, 7);
        Guid id = default;
        string? downloaded = null;

        var growth = await PeakGrowthAsync(async () =>
        {
            id = await UploadAsync(admin, new GeneratedContent(Large, 7), "large.bin");
            downloaded = await DownloadHashAsync(admin, id);
        });

        Assert.Equal(expected, downloaded);
        var (store, path, pieces, biggest) = await host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            var file = await db.StoredFiles.SingleAsync(f => f.Id == id);
            var chunks = db.Set<StoredFileChunk>().Where(c => c.FileId == id);
            return (file.Store, file.Path, await chunks.CountAsync(), await chunks.MaxAsync(c => c.Data.Length));
        });
        Assert.Equal((FileStores.Database, ""), (store, path));
        Assert.Equal((int)(Large / StoredFileChunk.Bytes), pieces);
        Assert.Equal(StoredFileChunk.Bytes, biggest);
        Assert.False(Directory.Exists(Path.Combine(host.Database.DataDirectory, "files")) && Directory.EnumerateFiles(Path.Combine(host.Database.DataDirectory, "files"), "*", SearchOption.AllDirectories).Any());
        Assert.True(growth < Large / 3, $"Uploading and downloading {Large / 1024 / 1024} MB held up to {growth / 1024 / 1024} MB at once.");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Files_move_to_the_database_and_back_while_the_host_serves_them_and_stay_the_same(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var admin = await host.CreateAdminClientAsync();
        var sizes = new long[] { 1, 600_000, 2_500_000 };
        var ids = new List<Guid>();
        foreach (var (size, n) in sizes.Select((s, n) => (s, n)))
        {
            ids.Add(await UploadAsync(admin, new GeneratedContent(size, n), $"f{n}.bin"));
        }

        var dryRun = await PlatformCommand.RunAsync(PlatformCommand.On(host.Database, "files", "move", "--to", "database", "--dry-run"));
        Assert.Equal((0, "Would move 3 files (3.0 MB) to the database store. Nothing was changed."), (dryRun.Code, dryRun.Output.Trim()));
        Assert.Equal(3, Directory.EnumerateFiles(Path.Combine(host.Database.DataDirectory, "files"), "*", SearchOption.AllDirectories).Count());

        var toDatabase = await PlatformCommand.RunAsync(PlatformCommand.On(host.Database, "files", "move", "--to", "database"));

        Assert.True(toDatabase.Code == 0, toDatabase.Error);
        Assert.Contains("Moved 3 files", toDatabase.Output, StringComparison.Ordinal);
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
        {
            Assert.Equal(await GeneratedContent.HashAsync(sizes[n], n), await DownloadHashAsync(admin, id));
        }

        Assert.Empty(Directory.EnumerateFiles(Path.Combine(host.Database.DataDirectory, "files"), "*", SearchOption.AllDirectories));
        Assert.Equal(1 + 2 + 5, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Set<StoredFileChunk>().CountAsync()));

        var again = await PlatformCommand.RunAsync(PlatformCommand.On(host.Database, "files", "move", "--to", "database"));
        var back = await PlatformCommand.RunAsync(PlatformCommand.On(host.Database, "files", "move", "--to", "disk"));

        Assert.Contains("Moved 0 files", again.Output, StringComparison.Ordinal);
        Assert.True(back.Code == 0, back.Error);
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
        {
            Assert.Equal(await GeneratedContent.HashAsync(sizes[n], n), await DownloadHashAsync(admin, id));
        }

        Assert.Equal(3, Directory.EnumerateFiles(Path.Combine(host.Database.DataDirectory, "files"), "*", SearchOption.AllDirectories).Count());
        Assert.Equal(0, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Set<StoredFileChunk>().CountAsync()));
        // A file whose bytes are gone from the disk is named and left where it is; the others move, and the command fails.
        File.Delete(Directory.EnumerateFiles(Path.Combine(host.Database.DataDirectory, "files"), "*", SearchOption.AllDirectories).First());
        var broken = await PlatformCommand.RunAsync(PlatformCommand.On(host.Database, "files", "move", "--to", "database"));
        Assert.Equal(1, broken.Code);
        Assert.Contains("Moved 2 files", broken.Output, StringComparison.Ordinal);
        Assert.Contains("1 files could not be moved and stay readable where they are:", broken.Error, StringComparison.Ordinal);
        Assert.Equal(1, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().StoredFiles.CountAsync(f => f.Store == FileStores.Disk)));

        var wrong = await PlatformCommand.RunAsync(PlatformCommand.On(host.Database, "files", "move", "--to", "cloud"));
        Assert.Equal((2, "Say where the files go: --to disk or --to database."), (wrong.Code, wrong.Error.Trim()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Uploads_nobody_attached_are_removed_after_the_grace_and_those_in_use_stay(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Files:Store", "database"));
        var admin = await host.CreateAdminClientAsync();
        var created = await host.InScopeAsync(s => s.GetRequiredService<Platform.Data.Records.SchemaManager>().ApplyAsync(new Platform.Core.Metadata.EntityDefinition
        {
            Name = "contract", Label = Platform.Core.Metadata.LocalizedText.Of("合同", "Contract"),
            Fields = [EntitySamples.Field("name", "text", "名称", "Name"), EntitySamples.Field("scan", "attachment", "扫描件", "Scan")],
        }, "admin"));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        var forgotten = await UploadAsync(admin, new GeneratedContent(700_000, 1), "forgotten.bin");
        var attached = await UploadAsync(admin, new GeneratedContent(10, 2), "attached.bin");
        var fresh = await UploadAsync(admin, new GeneratedContent(10, 3), "fresh.bin");
        var saved = await admin.PostAsJsonAsync("/odata/contract", new { name = "HT-1", scan = new[] { attached } });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        // A day and an hour later for the first two; the third was uploaded just now.
        var dayAgo = host.Clock.GetUtcNow().AddHours(-25);
        await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().StoredFiles.Where(f => f.Id != fresh)
            .ExecuteUpdateAsync(u => u.SetProperty(f => f.UploadedAt, dayAgo)));
        var removed = await host.InScopeAsync(s => s.GetRequiredService<FileSweeper>().SweepAsync(TimeSpan.FromHours(24), default));

        Assert.Equal(1, removed);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/files/{forgotten}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/files/{attached}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/files/{fresh}")).StatusCode);
        Assert.Equal(0, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Set<StoredFileChunk>().CountAsync(c => c.FileId == forgotten)));
        var swept = await PlatformCommand.RunAsync(PlatformCommand.On(host.Database, "files", "sweep", "--older-than", "1h"));
        Assert.Equal((0, "Removed 0 uploads left unattached for more than 01:00:00."), (swept.Code, swept.Output.Trim()));
        var tooSoon = await PlatformCommand.RunAsync(PlatformCommand.On(host.Database, "files", "sweep", "--older-than", "0m"));
        Assert.Equal((2, "--older-than takes an age of at least 10m, such as 24h, 90m or 7d; '0m' is none."), (tooSoon.Code, tooSoon.Error.Trim()));
    }
}
