using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Data.Jobs;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Ocr.Native;
using Platform.Records.Ocr;

namespace Platform.Host.IntegrationTests.Ocr;

/// <summary>
/// A batch outlives the host reading it: stopped in the middle, the next start goes on with the pages still
/// pending; left by a host that died holding it, another host takes it up once the lease ran out. Either
/// way every page ends up read, and read once — one result and one set of cells per page.
/// </summary>
public sealed class ScanBatchRestartTests : IDisposable
{
    private const int Pages = 12;

    private readonly string _folder = Directory.CreateTempSubdirectory("ocr-restart-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_host_stopped_in_the_middle_of_a_batch_leaves_it_to_the_next_start_with_no_page_lost_or_read_twice(string provider)
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        await using var database = await TestDatabase.CreateAsync(provider);
        var scans = await ScanBatches.CorpusAsync(_folder, Pages, seed: 33);
        Guid batch;
        await using (var first = PlatformHost.Start(database, ("Platform:Ocr:Parallelism", "1")))
        {
            await ScanBatches.ApplyPackageAsync(first);
            var client = await first.CreateAdminClientAsync();
            batch = await ScanBatches.UploadScansAsync(client, scans);
            var midway = await ScanBatches.WaitAsync(client, batch, s => ReadCount(s) >= 3);
            Assert.InRange(ReadCount(midway), 3, Pages - 1);
        }

        await using var second = PlatformHost.Start(database);
        var state = await ScanBatches.WaitAsync(await second.CreateAdminClientAsync(), batch, ScanBatches.IsRead);

        await AssertEveryPageReadOnceAsync(second, batch, state);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_batch_held_by_a_host_that_died_is_finished_by_another_once_its_lease_ran_out(string provider)
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        await using var database = await TestDatabase.CreateAsync(provider);
        var scans = await ScanBatches.CorpusAsync(_folder, 4, seed: 34);
        Guid batch;
        // This host takes no jobs: the batch is claimed by a host that then "dies" halfway through a page.
        await using (var first = PlatformHost.Start(database, ("Platform:Jobs:Slots", "0")))
        {
            await ScanBatches.ApplyPackageAsync(first);
            batch = await ScanBatches.UploadScansAsync(await first.CreateAdminClientAsync(), scans);
            await first.InScopeAsync(async s =>
            {
                var job = await s.GetRequiredService<BackgroundJobStore>().ClaimAsync(["ocr.batch"], "host-that-died", TimeSpan.FromSeconds(20), CancellationToken.None);
                Assert.NotNull(job);
                return job;
            });
        }

        await using var second = PlatformHost.Start(database, ("Platform:Jobs:PollInterval", "00:00:00.200"));
        var client = await second.CreateAdminClientAsync();
        await Task.Delay(1500);
        Assert.Equal("queued", (await client.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}")).GetProperty("batch").GetProperty("state").GetString());

        second.Clock.Advance(TimeSpan.FromSeconds(21)); // the dead host's lease runs out
        var state = await ScanBatches.WaitAsync(client, batch, ScanBatches.IsRead);

        await AssertEveryPageReadOnceAsync(second, batch, state);
        // The batch reads "read" when its last page is written; the job is marked done just after.
        var job = await second.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().BackgroundJobs.AsNoTracking().SingleAsync());
        for (var waited = 0; job.State == "running" && waited < 100; waited++)
        {
            await Task.Delay(100);
            job = await second.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().BackgroundJobs.AsNoTracking().SingleAsync());
        }

        Assert.Equal(("done", 2), (job.State, job.Attempts));
    }

    private static int ReadCount(JsonElement state) => state.GetProperty("pages").EnumerateArray().Count(p => p.GetProperty("state").GetString() != "pending");

    private static async Task AssertEveryPageReadOnceAsync(PlatformHost host, Guid batch, JsonElement state)
    {
        Assert.True(ScanBatches.IsRead(state), state.ToString());
        var pages = await host.InScopeAsync(s => s.GetRequiredService<IScanBatchStore>().PagesAsync(batch));
        Assert.Equal(Enumerable.Range(1, pages.Count), pages.Select(p => p.Ordinal));
        Assert.All(pages, p => Assert.Equal(ScannedPageStates.Read, p.State));
        var cellsPerPage = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Set<ReadCell>().AsNoTracking()
            .Where(c => c.BatchId == batch).GroupBy(c => c.PageId).Select(g => new { g.Key, Count = g.Count(), Paths = g.Select(c => c.Path).Distinct().Count() }).ToListAsync());
        Assert.Equal(pages.Count, cellsPerPage.Count);
        Assert.Single(cellsPerPage.Select(c => c.Count).Distinct());
        Assert.All(cellsPerPage, c => Assert.Equal(c.Count, c.Paths));
    }
}
