using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Ocr.Native;
using Platform.OcrCapture.Batches;

namespace Platform.Host.IntegrationTests.Ocr;

/// <summary>
/// A scanner's hot folder: scans saved into a watched folder become a batch made as the configured user, read like an
/// upload, the files moved to <c>done/{batch}</c>; a file still being written waits; a file that is no scan stays where it
/// is; with no such template the files go to <c>failed/</c> with the reason; two hosts watching one folder make one batch.
/// </summary>
public sealed class WatchedFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocr-watched-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public async Task Scans_saved_into_a_watched_folder_become_one_batch_and_move_to_done()
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        var corpus = Path.Combine(_folder, "corpus");
        var watched = Path.Combine(_folder, "hall2");
        Directory.CreateDirectory(watched);
        var scans = await ScanBatches.CorpusAsync(corpus, 2, seed: 71);
        await using var host = await PlatformHost.StartAsync("Sqlite",
            ("Platform:Ocr:Watch:Folders:0:Path", watched), ("Platform:Ocr:Watch:Folders:0:Template", "apparel_order"),
            ("Platform:Ocr:Watch:Folders:0:Name", "2 号馆扫描仪"), ("Platform:Ocr:Watch:Interval", "00:00:00.5"), ("Platform:Ocr:Watch:Settle", "00:00:01"));
        await ScanBatches.ApplyPackageAsync(host);
        var admin = await host.CreateAdminClientAsync();

        // The scanner's files land together: both settle at the same moment a little later, so no look at the folder can
        // find one of them settled and the other not there yet (under load a copy can take longer than the settling time).
        var together = DateTime.UtcNow.AddSeconds(2);
        foreach (var scan in scans)
        {
            var staged = Path.Combine(_folder, Path.GetFileName(scan));
            File.Copy(scan, staged);
            File.SetLastWriteTimeUtc(staged, together);
            File.Move(staged, Path.Combine(watched, Path.GetFileName(scan)));
        }

        var writing = Path.Combine(watched, "page-9999.jpg");
        await File.WriteAllBytesAsync(writing, [0xFF, 0xD8]); // a scan still being written: changed "just now", for a while yet
        File.SetLastWriteTimeUtc(writing, DateTime.UtcNow.AddMinutes(5));
        await File.WriteAllTextAsync(Path.Combine(watched, "notes.txt"), "not a scan");

        var batch = await WaitForBatchAsync(admin);
        Assert.Equal(2, batch.GetProperty("files").GetInt32());
        Assert.StartsWith("2 号馆扫描仪 ", batch.GetProperty("name").GetString(), StringComparison.Ordinal);
        var id = batch.GetProperty("id").GetGuid();
        Assert.True(ScanBatches.IsRead(await ScanBatches.WaitAsync(admin, id, ScanBatches.IsRead)));
        var state = await admin.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{id}");
        Assert.Equal(2, state.GetProperty("pages").EnumerateArray().Count(p => p.GetProperty("state").GetString() == "read"));

        Assert.Equal(scans.Select(Path.GetFileName).Order(), Directory.GetFiles(Path.Combine(watched, "done", id.ToString())).Select(Path.GetFileName).Order());
        Assert.True(File.Exists(writing), "a file still being written was taken");
        Assert.True(File.Exists(Path.Combine(watched, "notes.txt")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(watched, WatchedFolders.Taken)));
    }

    [SkippableFact]
    public async Task Without_its_template_the_files_go_to_failed_with_the_reason_and_two_hosts_make_one_batch()
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        var corpus = Path.Combine(_folder, "corpus");
        var watched = Path.Combine(_folder, "shared");
        Directory.CreateDirectory(watched);
        var scans = await ScanBatches.CorpusAsync(corpus, 3, seed: 72);
        await using var host = await PlatformHost.StartAsync("Sqlite");
        await ScanBatches.ApplyPackageAsync(host);
        var settings = new WatchedFolderSettings { Settle = TimeSpan.Zero };
        var other = new WatchedFolders(host.Services.GetRequiredService<IServiceScopeFactory>(), settings, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<WatchedFolders>.Instance);

        foreach (var scan in scans)
        {
            File.Copy(scan, Path.Combine(watched, Path.GetFileName(scan)));
        }

        Assert.Null(await other.WatchAsync(new WatchedFolder { Path = watched, Template = "no_such_form" }, default));
        var failed = Assert.Single(Directory.GetDirectories(Path.Combine(watched, "failed")));
        Assert.Contains("OcrCapture.Error.NoTemplate no_such_form", await File.ReadAllTextAsync(Path.Combine(failed, "reason.txt")), StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(failed, "*.jpg").Length);

        // Put back, then two hosts look at the same moment: the files end up in exactly one batch.
        foreach (var file in Directory.GetFiles(failed, "*.jpg"))
        {
            File.Move(file, Path.Combine(watched, Path.GetFileName(file)));
        }

        var folder = new WatchedFolder { Path = watched, Template = "apparel_order" };
        var made = await Task.WhenAll(other.WatchAsync(folder, default), new WatchedFolders(host.Services.GetRequiredService<IServiceScopeFactory>(), settings, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<WatchedFolders>.Instance).WatchAsync(folder, default));
        var batches = made.Where(b => b is not null).Select(b => b!.Value).ToList();
        Assert.NotEmpty(batches);
        var files = batches.SelectMany(b => Directory.GetFiles(Path.Combine(watched, "done", b.ToString()))).Select(Path.GetFileName).ToList();
        Assert.Equal(scans.Select(Path.GetFileName).Order(), files.Order()); // every file once, none twice
        Assert.Empty(Directory.GetFiles(watched, "*.jpg"));
    }

    private static async Task<JsonElement> WaitForBatchAsync(HttpClient client)
    {
        for (var i = 0; i < 150; i++)
        {
            var list = (await client.GetFromJsonAsync<JsonElement>("/api/ocr/batches")).EnumerateArray().ToList();
            if (list.Count > 0)
            {
                return list[0];
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("no batch was made from the watched folder");
    }
}
