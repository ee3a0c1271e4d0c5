using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Platform.E2E;

/// <summary>
/// Imports are durable background jobs: the host running one is killed (SIGKILL) part way, and the import is taken up
/// again — by the same data folder's next host on SQLite, by the other host of a PostgreSQL cluster — and finishes
/// with every row kept exactly once. A chunked import (bad rows skipped) goes on after its last committed chunk; an
/// all-or-nothing one starts again from its first row on a database that holds none of it.
/// </summary>
public sealed class ImportCrashTests
{
    private const int Rows = 12_000;

    /// <summary>Short leases, so a killed host's import is taken up within seconds rather than the default 30 s.</summary>
    private static readonly (string, string)[] Settings =
    [
        ("Platform__Packages__0", Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "samples")),
        ("Platform__Jobs__Lease", "00:00:03"), ("Platform__Jobs__PollInterval", "00:00:00.200"),
    ];

    /// <summary>Uploads <see cref="Rows"/> customers as CSV and starts their import; answers the address to follow it at.</summary>
    private static async Task<string> StartImportAsync(HttpClient client, string tag, string onError)
    {
        var csv = new StringBuilder("name,region\n");
        for (var n = 0; n < Rows; n++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{tag}-{n:D5},east\n");
        }

        var uploaded = await client.PostAsync($"/api/files?name={tag}.csv", new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())));
        Assert.Equal(System.Net.HttpStatusCode.Created, uploaded.StatusCode);
        var file = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var started = await client.PostAsJsonAsync("/api/import/customer", new { file, mapping = new Dictionary<string, string> { ["name"] = "name", ["region"] = "region" }, onError });
        Assert.True(started.StatusCode == System.Net.HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        return started.Headers.Location!.ToString();
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client, string job) => await client.GetFromJsonAsync<JsonElement>(job);

    /// <summary>Waits until the import has dealt with at least <paramref name="rows"/> rows; answers how many it had.</summary>
    private static async Task<int> WaitForProgressAsync(HttpClient client, string job, int rows)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var status = await StatusAsync(client, job);
            Assert.Equal("running", status.GetProperty("status").GetString());
            if (status.GetProperty("processed").GetInt32() is var processed && processed >= rows)
            {
                return processed;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The import did not reach {rows} rows in 60 s.");
    }

    private static async Task<JsonElement> WaitForEndAsync(HttpClient client, string job)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            var status = await StatusAsync(client, job);
            if (status.GetProperty("status").GetString() != "running")
            {
                return status;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The import was not finished within 120 s of the kill.");
    }

    private static async Task<List<string>> NamesAsync(HttpClient client, string tag)
    {
        var names = new List<string>();
        string? next = $"/odata/customer?$select=name&$orderby=name&$filter=startswith(name,'{tag}-')";
        while (next is not null)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next);
            names.AddRange(page.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return names;
    }

    /// <summary>The import finished with every row once: counted by the import, and by the records themselves.</summary>
    private static async Task AssertEveryRowOnceAsync(HttpClient client, JsonElement finished, string tag)
    {
        Assert.Equal(("completed", Rows, Rows, 0), (finished.GetProperty("status").GetString(), finished.GetProperty("processed").GetInt32(),
            finished.GetProperty("inserted").GetInt32(), finished.GetProperty("failedRows").GetInt32()));
        var names = await NamesAsync(client, tag);
        Assert.Equal(Rows, names.Count);
        Assert.Equal(Enumerable.Range(0, Rows).Select(n => $"{tag}-{n:D5}"), names);
    }

    [Theory]
    [InlineData("skip")]
    [InlineData("rollback")]
    public async Task An_import_whose_host_is_killed_is_finished_by_the_next_host_on_the_same_data_with_every_row_once(string onError)
    {
        var tag = $"crash-{onError}";
        string job;
        int before;
        HttpClient client;
        var first = await HostProcess.StartAsync(null, Settings);
        var data = first.DataDirectory;
        await using (first)
        {
            client = await first.SignInAsync("en");
            job = await StartImportAsync(client, tag, onError);
            before = await WaitForProgressAsync(client, job, 2_000);
            await first.KillAsync();
        }

        // Signed in before the crash, as its user was: on SQLite an all-or-nothing import, taken up at once, holds the database's
        // writes until it ends, and a sign-in (a write) would wait behind it, while reading its progress does not.
        await using var second = await HostProcess.StartAsync(data, Settings);
        var again = second.SignedInAs(client);
        var finished = await WaitForEndAsync(again, job);

        Assert.True(before < Rows, $"The kill came after the import had ended ({before} rows); the test proved nothing.");
        await AssertEveryRowOnceAsync(again, finished, tag);
    }

    /// <summary>The host holding the import's job (machine/process/run), read from the jobs table.</summary>
    private static async Task<string> LeaseOwnerAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT \"LeaseOwner\" FROM \"BackgroundJobs\" WHERE \"Kind\" = 'import'", connection);
        return (string)(await query.ExecuteScalarAsync())!;
    }

    [SkippableFact]
    public async Task On_PostgreSQL_the_other_host_takes_up_the_import_of_a_killed_host_and_both_show_its_progress()
    {
        var server = Environment.GetEnvironmentVariable("PLATFORM_TEST_POSTGRES");
        Skip.If(server is null, "Needs PLATFORM_TEST_POSTGRES (scripts/test.sh starts a PostgreSQL and sets it).");
        var name = $"platform_e2e_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            (string, string)[] cluster = [.. Settings, ("Database__Provider", "PostgreSql"), ("ConnectionStrings__Platform", database)];
            await using var one = await HostProcess.StartAsync(null, cluster);
            // Both hosts keep uploads in one folder (a shared mount in production), so the file is there for either to read.
            await using var other = await HostProcess.StartAsync(one.DataDirectory, cluster);
            var job = await StartImportAsync(await one.SignInAsync("en"), "cluster", "skip");
            var before = await WaitForProgressAsync(await other.SignInAsync("en"), job, 2_000); // read on the other host too: the progress is in the database

            // Whichever host claimed the job dies; the one left must take it up once the dead host's lease runs out.
            var owner = await LeaseOwnerAsync(database);
            var (dies, stays) = owner.Contains($"/{one.ProcessId}/", StringComparison.Ordinal) ? (one, other) : (other, one);
            Assert.Contains($"/{dies.ProcessId}/", owner, StringComparison.Ordinal);
            await dies.KillAsync();
            var client = await stays.SignInAsync("en");
            var finished = await WaitForEndAsync(client, job);

            Assert.True(before < Rows, $"The kill came after the import had ended ({before} rows); the test proved nothing.");
            await AssertEveryRowOnceAsync(client, finished, "cluster");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
