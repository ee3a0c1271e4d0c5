using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Cli;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Apps.CrmPackageTests;

namespace Platform.Host.IntegrationTests.Apps;

/// <summary>
/// The CRM package brings seed 004's sales KPIs as reports (revenue by month, salesperson and quarter, this month against last, this
/// year against last, average order value, customer lifetime value, the sales funnel, win rate, lead conversion, customers by
/// grade, revenue by the customer's region and grade): all of them run over the sample records, their figures agree with the records counted one by one, and a salesperson's
/// figures count only what they may read.
/// </summary>
public sealed class CrmReportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string CrmFolder => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "crm");

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_sales_KPI_runs_over_the_sample_records_and_agrees_with_them_counted_one_by_one(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CliApplication.RunAsync(["package", "samples", CrmFolder, "--as", "zhou", .. team.Host.Database.Settings().Select(s => $"--{s.Key}={s.Value}"),
            "--content-root", team.Host.Database.DataDirectory], output, error);
        Assert.True(code == CliApplication.Ok, error.ToString());

        var reports = await team.Zhou.GetFromJsonAsync<JsonElement>("/api/reports");
        var byTitle = reports.EnumerateArray().ToDictionary(r => r.GetProperty("label").GetString()!, r => r);
        Assert.Equal(13, byTitle.Count);
        foreach (var (title, report) in byTitle)
        {
            Assert.True(report.GetProperty("problem").ValueKind == JsonValueKind.Null, $"{title}: {report.GetProperty("problem")}");
            var (status, body) = await ApiCalls.SendAsync(team.Zhou, HttpMethod.Post, $"/api/reports/{report.GetProperty("id").GetGuid()}/run");
            Assert.True(status == HttpStatusCode.OK, $"{title}: {body}");
        }

        // The funnel: opportunities not lost, by stage, as many as the records say.
        var funnel = await RunAsync(team.Zhou, byTitle["销售漏斗"]);
        foreach (var row in funnel.GetProperty("rows").EnumerateArray())
        {
            var stage = row.GetProperty("keys")[0].GetProperty("value").GetString();
            Assert.Equal(await CountAsync(team.Zhou, "opportunity", $"stage eq '{stage}'"), row.GetProperty("values")[0].GetInt32());
        }

        Assert.Equal(await CountAsync(team.Zhou, "opportunity", "stage ne 'lost'"), funnel.GetProperty("totals")[0].GetInt32());

        // Win rate: won among won or lost, worked out from the two counts.
        var win = (await RunAsync(team.Zhou, byTitle["商机赢单率（按负责人）"])).GetProperty("totals");
        var (won, closed) = (await CountAsync(team.Zhou, "opportunity", "stage eq 'won'"), await CountAsync(team.Zhou, "opportunity", "stage eq 'won' or stage eq 'lost'"));
        Assert.Equal((closed, won), (win[0].GetInt32(), win[1].GetInt32()));
        Assert.Equal(closed == 0 ? JsonValueKind.Null : JsonValueKind.Number, win[3].ValueKind);
        if (closed > 0)
        {
            Assert.Equal(Math.Round((decimal)won / closed, 6), Math.Round(win[3].GetDecimal(), 6));
        }

        // Lead conversion by source, each source's leads counted.
        var leads = await RunAsync(team.Zhou, byTitle["线索转化率（按来源）"]);
        foreach (var row in leads.GetProperty("rows").EnumerateArray())
        {
            var source = row.GetProperty("keys")[0].GetProperty("value");
            var filter = source.ValueKind == JsonValueKind.Null ? "source eq null" : $"source eq '{source.GetString()}'";
            Assert.Equal(await CountAsync(team.Zhou, "lead", filter), row.GetProperty("values")[0].GetInt32());
        }

        // Customer lifetime value counts approved orders only: the sample order is a draft, so none yet (sums over nothing are empty).
        var value = await RunAsync(team.Zhou, byTitle["客户终身价值"]);
        var orders = await CountAsync(team.Zhou, "sales_order", "status eq 'approved' or status eq 'delivering' or status eq 'completed'");
        Assert.Equal(orders, value.GetProperty("totals")[1].GetInt32());
        Assert.Equal(orders, value.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("values")[1].GetInt32()));
        Assert.Equal(1, await CountAsync(team.Zhou, "sales_order", "status eq 'draft'"));

        // Revenue by the customer's region and grade, read through the order's customer: each region's orders as the list counts them.
        var regions = await RunAsync(team.Zhou, byTitle["各区域销售额"]);
        Assert.Equal("客户 · 区域", regions.GetProperty("columns")[0].GetProperty("label").GetString());
        Assert.Equal(orders, regions.GetProperty("totals")[1].GetInt32());
        foreach (var row in regions.GetProperty("rows").EnumerateArray())
        {
            Assert.Equal(await CountAsync(team.Zhou, "sales_order", row.GetProperty("drill").GetString()!), row.GetProperty("values")[1].GetInt32());
        }

        Assert.Equal("客户 · 客户等级", (await RunAsync(team.Zhou, byTitle["各等级客户销售额"])).GetProperty("columns")[0].GetProperty("label").GetString());

        // The sales dashboard is the manager's (his role's), on his home page, its six widgets naming the package's reports; not the salesperson's.
        var dashboards = await team.Zhou.GetFromJsonAsync<JsonElement>("/api/dashboards");
        var sales = Assert.Single(dashboards.EnumerateArray());
        Assert.Equal(("销售仪表盘", true), (sales.GetProperty("label").GetString(), sales.GetProperty("home").GetBoolean()));
        var board = await team.Zhou.GetFromJsonAsync<JsonElement>($"/api/dashboards/{sales.GetProperty("id").GetGuid()}");
        Assert.Equal(6, board.GetProperty("reports").GetArrayLength());
        Assert.Contains(byTitle["销售漏斗"].GetProperty("id").GetGuid(), board.GetProperty("reports").EnumerateArray().Select(r => r.GetGuid()));
        Assert.Empty((await team.Li.GetFromJsonAsync<JsonElement>("/api/dashboards")).EnumerateArray());
        var (hidden, _) = await ApiCalls.SendAsync(team.Li, HttpMethod.Get, $"/api/dashboards/{sales.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, hidden);

        // A salesperson runs the same shared funnel and counts only what they may read (the samples are the manager's).
        var theirs = await RunAsync(team.Li, byTitle["销售漏斗"]);
        Assert.Equal(await CountAsync(team.Li, "opportunity", "stage ne 'lost'"), theirs.GetProperty("totals")[0].GetInt32());
        Assert.True(theirs.GetProperty("totals")[0].GetInt32() < funnel.GetProperty("totals")[0].GetInt32());
    }

    private static async Task<JsonElement> RunAsync(HttpClient client, JsonElement report)
    {
        var (status, body) = await ApiCalls.SendAsync(client, HttpMethod.Post, $"/api/reports/{report.GetProperty("id").GetGuid()}/run");
        Assert.True(status == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<int> CountAsync(HttpClient client, string entity, string filter) =>
        (await client.GetFromJsonAsync<JsonElement>($"/odata/{entity}?$count=true&$top=0&$filter={Uri.EscapeDataString(filter)}")).GetProperty("@odata.count").GetInt32();
}
