using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Security.Probes.ProbeSite;

namespace Platform.Host.IntegrationTests.Security.Probes;

/// <summary>
/// Probe 6: <c>PUT /api/metadata/entities/inj5</c> naming the table of <c>customer</c> renamed customer
/// and dropped its fields from the definition, while the dry run showed only an added column. A table
/// belongs to one entity; a rename is made at the renamed entity's own address and says so.
/// </summary>
public sealed class StorageKeyTests(ProbeSites sites) : IClassFixture<ProbeSites>
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_document_cannot_take_another_entitys_table_in_a_dry_run_or_for_real(string provider)
    {
        var site = await sites.ForAsync(provider);
        var before = await site.Admin.GetStringAsync("/api/metadata/entities/customer");
        var table = JsonDocument.Parse(before).RootElement.GetProperty("table").GetString();
        var hostile = Json(new { name = "inj5", label = new Dictionary<string, string> { ["en"] = "x", ["zh-CN"] = "x" }, table, fields = new[] { new { name = "x", type = "text", label = new Dictionary<string, string> { ["en"] = "x", ["zh-CN"] = "x" } } } });

        var dryRun = await site.Admin.PutAsync("/api/metadata/entities/inj5?dryRun=true", hostile);
        var real = await site.Admin.PutAsync("/api/metadata/entities/inj5", hostile);

        foreach (var response in new[] { dryRun, real })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("belongs to the entity 'customer'", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await site.Admin.GetStringAsync("/api/metadata/entities/customer"));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Admin.GetAsync("/api/metadata/entities/inj5")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_rename_at_the_entitys_own_address_says_what_it_will_do_before_doing_it(string provider)
    {
        var site = await sites.ForAsync(provider);
        var document = JsonDocument.Parse(await site.Admin.GetStringAsync("/api/metadata/entities/product")).RootElement.GetRawText()
            .Replace("\"name\":\"product\"", "\"name\":\"goods\"", StringComparison.Ordinal);

        var dryRun = await site.Admin.PutAsync("/api/metadata/entities/product?dryRun=true", Json(document));

        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var summary = (await dryRun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains(summary, s => s!.StartsWith("rename entity 'product' to 'goods'", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await site.Admin.GetAsync("/api/metadata/entities/product")).StatusCode); // a dry run changed nothing
    }
}
