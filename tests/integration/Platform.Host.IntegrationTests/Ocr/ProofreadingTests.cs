using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Ocr.Native;
using Platform.Records.Ocr;

namespace Platform.Host.IntegrationTests.Ocr;

/// <summary>
/// Vertical proofreading over the API: a batch's fields with what is left to confirm; one field's cells grouped
/// by what they read; a correction to many cells at once, kept with who, when, from and to; a whole group
/// confirmed as read; cells of another batch refused with nothing changed; people without the right refused.
/// </summary>
public sealed class ProofreadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ocr-proofread-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record Cell(long Id, int Page, string? Value, string? Read, bool Confirmed);

    private static async Task<List<(string? Value, List<Cell> Cells)>> GroupsAsync(HttpClient client, Guid batch, string field) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}/fields/{field}/groups")).EnumerateArray().Select(g => (
            g.GetProperty("value").GetString(),
            g.GetProperty("cells").EnumerateArray().Select(c => new Cell(c.GetProperty("id").GetInt64(), c.GetProperty("page").GetInt32(), c.GetProperty("value").GetString(),
                c.GetProperty("read").GetString(), c.GetProperty("confirmed").GetBoolean())).ToList()))];

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Cells_of_one_field_are_grouped_by_value_and_corrected_or_confirmed_many_at_once_with_every_change_kept(string provider)
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        await using var host = await PlatformHost.StartAsync(provider);
        await ScanBatches.ApplyPackageAsync(host);
        var admin = await host.CreateAdminClientAsync();
        var scans = await ScanBatches.CorpusAsync(_folder, 3, seed: 52);
        var batch = await ScanBatches.UploadScansAsync(admin, scans);
        var other = await ScanBatches.UploadScansAsync(admin, scans.Take(1));
        Assert.True(ScanBatches.IsRead(await ScanBatches.WaitAsync(admin, batch, ScanBatches.IsRead)));
        Assert.True(ScanBatches.IsRead(await ScanBatches.WaitAsync(admin, other, ScanBatches.IsRead)));

        var fields = (await admin.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}/fields")).EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);
        Assert.Equal(3, fields["dealer_code"].GetProperty("cells").GetInt32());
        Assert.Equal(45, fields["qty_m"].GetProperty("cells").GetInt32()); // 15 rows on each of 3 sheets
        var groups = await GroupsAsync(admin, batch, "dealer_code");
        Assert.Equal(scans.Select(s => ScanBatches.TruthOf(s, "dealer_code")).Order(), groups.SelectMany(g => g.Cells.Select(c => c.Value)).Order());
        Assert.All(groups, g => Assert.All(g.Cells, c => Assert.Equal(g.Value, c.Value)));

        // Two sheets' dealer codes corrected to one value at once, then the last confirmed as read with its group.
        var chosen = groups.SelectMany(g => g.Cells).OrderBy(c => c.Page).Take(2).ToList();
        var corrected = await admin.PostAsJsonAsync($"/api/ocr/batches/{batch}/cells/correct", new { cells = chosen.Select(c => c.Id), value = " D0001 ", how = "cell" });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var after = await GroupsAsync(admin, batch, "dealer_code");
        var fixedGroup = after.Single(g => g.Value == "D0001");
        Assert.Equal(chosen.Select(c => c.Id).Order(), fixedGroup.Cells.Select(c => c.Id).Order());
        Assert.All(fixedGroup.Cells, c => Assert.True(c.Confirmed));
        Assert.Equal(chosen.Select(c => c.Read).Order(), fixedGroup.Cells.Select(c => c.Read).Order()); // what the reader saw is kept
        var rest = after.Single(g => g.Value != "D0001");
        var accepted = await admin.PostAsJsonAsync($"/api/ocr/batches/{batch}/cells/accept", new { cells = rest.Cells.Select(c => c.Id), how = "group" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.All(await GroupsAsync(admin, batch, "dealer_code"), g => Assert.All(g.Cells, c => Assert.True(c.Confirmed)));
        var field = (await admin.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}/fields")).EnumerateArray().Single(f => f.GetProperty("field").GetString() == "dealer_code");
        Assert.Equal(0, field.GetProperty("unconfirmed").GetInt32());

        var corrections = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Set<CellCorrection>().AsNoTracking().Where(c => c.BatchId == batch).ToListAsync());
        Assert.Equal(chosen.Where(c => c.Value != "D0001").Select(c => (c.Id, c.Value)).Order(), corrections.Select(c => (c.CellId, c.From)).Order());
        Assert.All(corrections, c => Assert.Equal(("D0001", "cell"), (c.To, c.How)));
        Assert.All(corrections, c => Assert.False(string.IsNullOrEmpty(c.By)));

        // A cell of the other batch among them: refused, and nothing of either batch changed.
        var otherCell = (await GroupsAsync(admin, other, "dealer_code")).Single().Cells.Single();
        var qty = (await GroupsAsync(admin, batch, "qty_m")).SelectMany(g => g.Cells).First(c => !c.Confirmed);
        var mixed = await admin.PostAsJsonAsync($"/api/ocr/batches/{batch}/cells/correct", new { cells = new[] { qty.Id, otherCell.Id }, value = "9" });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        Assert.False((await GroupsAsync(admin, batch, "qty_m")).SelectMany(g => g.Cells).Single(c => c.Id == qty.Id).Confirmed);
        Assert.False((await GroupsAsync(admin, other, "dealer_code")).Single().Cells.Single().Confirmed);
        var tooLong = await admin.PostAsJsonAsync($"/api/ocr/batches/{batch}/cells/correct", new { cells = new[] { qty.Id }, value = new string('9', 401) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        // Someone who may see batches but not proofread them.
        await Accounts.CreateRoleAsync(host, "viewers", "OcrCapture.Batches.Read");
        await Accounts.CreateUserAsync(host, "viewer", "Viewer-passw0rd", "viewers");
        var viewer = await host.CreateClientForAsync("viewer", "Viewer-passw0rd");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/ocr/batches/{batch}/fields")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/ocr/batches/{batch}/cells/accept", new { cells = new[] { qty.Id } })).StatusCode);
    }
}
