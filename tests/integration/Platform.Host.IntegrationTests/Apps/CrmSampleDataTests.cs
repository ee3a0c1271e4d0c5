using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Cli;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Apps.CrmPackageTests;

namespace Platform.Host.IntegrationTests.Apps;

/// <summary>
/// A newcomer loads the CRM's sample records with one command (<c>platform package samples apps/packages/crm --as zhou</c>):
/// products, customers (two in the pool, a subsidiary under its group), contacts, leads, opportunities, follow-ups dated from
/// today, a quote of three lines and an order, all through the record service (totals computed by the rules), owned by the
/// person named; a second load, or a file with a broken reference, changes nothing and says why.
/// </summary>
public sealed class CrmSampleDataTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string CrmFolder => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "crm");

    private static async Task<(int Code, string Output, string Error)> CliAsync(TestDatabase database, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CliApplication.RunAsync([.. args, .. database.Settings().Select(s => $"--{s.Key}={s.Value}"), "--content-root", database.DataDirectory], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<int> CountAsync(HttpClient client, string entity, string? filter = null) =>
        (await client.GetFromJsonAsync<JsonElement>($"/odata/{entity}?$count=true&$top=1{(filter is null ? "" : "&$filter=" + filter)}")).GetProperty("@odata.count").GetInt32();

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task One_command_loads_a_working_sales_team_and_a_second_changes_nothing(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;

        var (code, output, error) = await CliAsync(team.Host.Database, "package", "samples", CrmFolder, "--as", "zhou");
        Assert.True(code == CliApplication.Ok, error);
        Assert.Contains("5 product, 7 customer, 5 contact, 4 lead, 5 opportunity, 3 follow_up, 1 quote, 1 sales_order", output, StringComparison.Ordinal);

        // The manager owns them; two customers wait in the pool, where a salesperson sees them and nothing else.
        Assert.Equal(7, await CountAsync(team.Zhou, "customer"));
        Assert.Equal(["合肥新锐环保科技有限公司", "温州永盛阀门厂"], await NamesAsync(team.Li, "customer"));
        var group = (await team.Zhou.GetFromJsonAsync<JsonElement>("/odata/customer?$filter=name eq '杭州恒力机械有限公司'")).GetProperty("value")[0];
        var subsidiary = (await team.Zhou.GetFromJsonAsync<JsonElement>("/odata/customer?$filter=name eq '恒力机械（宁波）有限公司'")).GetProperty("value")[0];
        Assert.Equal(group.GetProperty("id").GetString(), subsidiary.GetProperty("parent").GetString());
        Assert.Equal(team.Ids["zhou"], group.GetProperty("ownerId").GetString());

        // Dates count from the day of loading; the quote's totals are the rules' (net 42,600 + VAT 5,160).
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(team.Host.Clock.GetUtcNow(), TimeZoneInfo.Local).DateTime);
        Assert.Equal(today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), group.GetProperty("lastFollowUpOn").GetString());
        var chen = (await team.Zhou.GetFromJsonAsync<JsonElement>("/odata/contact?$filter=name eq '陈建国'")).GetProperty("value")[0];
        Assert.Equal(today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), chen.GetProperty("birthday").GetString());
        var quote = (await team.Zhou.GetFromJsonAsync<JsonElement>("/odata/quote?$expand=lines")).GetProperty("value")[0];
        Assert.Equal(3, quote.GetProperty("lines").GetArrayLength());
        Assert.Equal((42600m, 5160m, 47760m), (quote.GetProperty("totalNet").GetDecimal(), quote.GetProperty("totalTax").GetDecimal(), quote.GetProperty("total").GetDecimal()));
        Assert.Equal(4, await CountAsync(team.Zhou, "lead", "assignmentNo eq null"));

        // Again: refused, nothing doubled.
        var (again, _, againError) = await CliAsync(team.Host.Database, "package", "samples", CrmFolder, "--as", "zhou");
        Assert.Equal(CliApplication.Failed, again);
        Assert.Contains("'product' already has records", againError, StringComparison.Ordinal);
        Assert.Equal(7, await CountAsync(team.Zhou, "customer"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_broken_reference_or_an_unknown_person_loads_nothing_and_says_where(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var files = AppPackageFolder.Read(CrmFolder)
            .Select(f => f.Path == "sample-data/30-contacts.json" ? f with { Content = f.Content.Replace("\"$ref:sz\"", "\"$ref:suzhou\"", StringComparison.Ordinal) } : f).ToList();

        var broken = await team.Host.InScopeAsync(s => s.GetRequiredService<PackageSampleData>().LoadAsync(files, "zhou"));
        Assert.Equal("sample-data/30-contacts.json: records[2]: no record has the key 'suzhou' ($ref:suzhou).", Assert.Single(broken.Problems));

        var nobody = await team.Host.InScopeAsync(s => s.GetRequiredService<PackageSampleData>().LoadAsync(AppPackageFolder.Read(CrmFolder), "ghost"));
        Assert.Equal("There is no user named 'ghost' to load the samples as.", Assert.Single(nobody.Problems));

        // A record the rules refuse (a contact without its customer) rolls back everything loaded before it.
        var refused = AppPackageFolder.Read(CrmFolder)
            .Select(f => f.Path == "sample-data/30-contacts.json" ? f with { Content = f.Content.Replace("\"customer\": \"$ref:export\", ", "", StringComparison.Ordinal) } : f).ToList();
        var rolledBack = await team.Host.InScopeAsync(s => s.GetRequiredService<PackageSampleData>().LoadAsync(refused, "zhou"));
        Assert.StartsWith("sample-data/30-contacts.json: records[4]: customer: ", Assert.Single(rolledBack.Problems), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(team.Zhou, "product"));
        Assert.Equal(0, await CountAsync(team.Zhou, "customer"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Started_with_sample_data_as_the_administrator_the_product_opens_on_a_working_crm(string provider)
    {
        // Platform__Packages__0=../packages/crm Platform__SampleDataAs=admin scripts/run.sh
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Packages:0", CrmFolder), ("Platform:SampleDataAs", "admin"));
        var admin = await host.CreateAdminClientAsync();
        Assert.Equal(7, await CountAsync(admin, "customer"));
        Assert.Equal(5, await CountAsync(admin, "opportunity"));
    }
}
