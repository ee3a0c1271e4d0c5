using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Cli.PlatformCommand;

namespace Platform.Host.IntegrationTests.Cli;

/// <summary>
/// <c>platform backup</c> copies the SQLite database while the host runs and writes, with the uploaded files, into one zip;
/// <c>platform restore</c> brings it back on another data folder — records and files as they were at the backup, nothing
/// after — and refuses what would lose or damage data: a folder that has a database (unless told to replace it, when the old
/// one is moved aside), a zip whose entries leave the data folder, a file that is not a backup, a database that is not SQLite.
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("backup-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_backup_taken_while_the_host_writes_restores_its_records_and_files_on_another_folder()
    {
        var zip = Path.Combine(_folder, "backup.zip");
        var content = new byte[300_000];
        new Random(7).NextBytes(content);
        string fileId;
        await using (var host = await PlatformHost.StartAsync("Sqlite"))
        {
            var admin = await host.CreateAdminClientAsync();
            var defined = await admin.PutAsync("/api/metadata/entities/visit_log", new StringContent("""
                { "name": "visit_log", "label": { "zh-CN": "拜访记录", "en": "Visit log" }, "titleField": "subject",
                  "fields": [ { "name": "subject", "type": "text", "label": { "zh-CN": "主题", "en": "Subject" }, "required": true } ] }
                """, Encoding.UTF8, "application/json"));
            Assert.True(defined.IsSuccessStatusCode, await defined.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/odata/visit_log", new { subject = "备份之前" })).StatusCode);
            var upload = await admin.PostAsync("/api/files?name=合同.bin", new ByteArrayContent(content));
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            fileId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

            // Taken while the host goes on saving.
            using var stop = new CancellationTokenSource();
            var writing = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    await admin.PostAsJsonAsync("/odata/visit_log", new { subject = $"同时写入 {i}" });
                }
            });
            var (code, output, error) = await RunAsync(On(host.Database, "backup", zip));
            await stop.CancelAsync();
            await writing;
            Assert.True(code == 0, error);
            Assert.Contains("and 1 files", output, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/odata/visit_log", new { subject = "备份之后" })).StatusCode);
        }

        await using var elsewhere = await TestDatabase.CreateAsync("Sqlite");
        var restored = await RunAsync(On(elsewhere, "restore", zip));
        Assert.True(restored.Code == 0, restored.Error);

        // Once there: not again over it, unless replacing — and then the old one is kept aside.
        var again = await RunAsync(On(elsewhere, "restore", zip));
        Assert.Equal(1, again.Code);
        Assert.Contains("already holds a database", again.Error, StringComparison.Ordinal);
        var replaced = await RunAsync(On(elsewhere, "restore", zip, "--replace"));
        Assert.True(replaced.Code == 0, replaced.Error);
        Assert.Single(Directory.GetDirectories(elsewhere.DataDirectory, "replaced-*"));

        await using var host2 = PlatformHost.Start(elsewhere);
        var admin2 = await host2.CreateAdminClientAsync();
        var subjects = (await admin2.GetFromJsonAsync<JsonElement>("/odata/visit_log?$top=500")).GetProperty("value").EnumerateArray().Select(r => r.GetProperty("subject").GetString()).ToList();
        Assert.Contains("备份之前", subjects);
        Assert.DoesNotContain("备份之后", subjects);
        Assert.Equal(content, await admin2.GetByteArrayAsync($"/api/files/{fileId}"));
    }

    [Fact]
    public async Task What_is_not_a_sound_backup_of_this_platform_is_refused_and_nothing_is_changed()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");

        var notZip = Path.Combine(_folder, "not.zip");
        await File.WriteAllTextAsync(notZip, "这不是压缩包");
        var refused = await RunAsync(On(database, "restore", notZip));
        Assert.Equal(1, refused.Code);
        Assert.Contains("not a zip file", refused.Error, StringComparison.Ordinal);

        var escaping = Path.Combine(_folder, "escaping.zip");
        using (var archive = ZipFile.Open(escaping, ZipArchiveMode.Create))
        {
            await Write(archive, "backup.json", """{ "format": 1 }""");
            await Write(archive, "platform.db", "x");
            await Write(archive, "files/../../evil.sh", "rm -rf /");
        }

        var outside = await RunAsync(On(database, "restore", escaping));
        Assert.Equal(1, outside.Code);
        Assert.Contains("'files/../../evil.sh' is not a file of the data folder", outside.Error, StringComparison.Ordinal);

        var damaged = Path.Combine(_folder, "damaged.zip");
        using (var archive = ZipFile.Open(damaged, ZipArchiveMode.Create))
        {
            await Write(archive, "backup.json", """{ "format": 1 }""");
            await Write(archive, "platform.db", "SQLite format 3\0 but nothing after");
        }

        var broken = await RunAsync(On(database, "restore", damaged));
        Assert.Equal(1, broken.Code);
        Assert.Contains("is damaged", broken.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(database.DataDirectory));

        var postgres = await RunAsync("backup", Path.Combine(_folder, "pg.zip"), "--Database:Provider=PostgreSql", "--ConnectionStrings:Platform=Host=127.0.0.1;Database=nothing", "--content-root", _folder);
        Assert.Equal(1, postgres.Code);
        Assert.Contains("pg_dump", postgres.Error, StringComparison.Ordinal);
    }

    private static async Task Write(ZipArchive archive, string name, string text)
    {
        await using var stream = archive.CreateEntry(name).Open();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
    }
}
