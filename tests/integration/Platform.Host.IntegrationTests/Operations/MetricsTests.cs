using System.Globalization;
using System.Net;
using System.Text;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Operations;

/// <summary>
/// The hosts' metrics in Prometheus' text format at <c>/metrics</c>: refused to anyone without the metrics permission, and
/// for a scraper holding it, the requests served and the platform's own work — an import's job run and its rows.
/// </summary>
public sealed class MetricsTests
{
    private const string Password = "Scrape-passw0rd";

    /// <summary>The value of one series, e.g. <c>platform_import_rows_total{outcome="kept"}</c> (0 when absent), summed over the label sets that hold <paramref name="labels"/>.</summary>
    private static double Value(string scrape, string metric, params string[] labels) =>
        scrape.Split('\n').Where(line => line.StartsWith(metric, StringComparison.Ordinal) && (line.Length > metric.Length && line[metric.Length] is '{' or ' ')
                && labels.All(l => line.Contains(l, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') is var end and >= 0 ? end + 1 : metric.Length)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_scraper_with_the_permission_reads_requests_jobs_and_imported_rows_and_nobody_else_reads_anything()
    {
        await using var host = await PlatformHost.StartAsync("Sqlite");
        await Accounts.CreateRoleAsync(host, "Monitoring", "Operations.Metrics");
        await Accounts.CreateUserAsync(host, "prometheus", Password, "Monitoring");
        await Accounts.CreateRoleAsync(host, "Clerk");
        await Accounts.CreateUserAsync(host, "clerk", Password, "Clerk");
        var scraper = await host.CreateClientForAsync("prometheus", Password);
        var clerk = await host.CreateClientForAsync("clerk", Password);
        var admin = await ImportClients.EnglishAdminAsync(host);
        var before = await (await scraper.GetAsync("/metrics")).Content.ReadAsStringAsync();

        await host.InScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Platform.Data.Records.SchemaManager>(s)
            .ApplyAsync(Entities.EntitySamples.Product(), "admin"));
        var csv = new StringBuilder("编码,名称,库存\n");
        for (var i = 1; i <= 40; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"M-{i:D3},产品 {i},{(i == 7 ? "lots" : i.ToString(CultureInfo.InvariantCulture))}\n");
        }

        var file = await ImportClients.UploadAsync(admin, Encoding.UTF8.GetBytes(csv.ToString()), "products.csv");
        var import = await ImportClients.RunAsync(admin, "product", file, new { onError = "skip" });
        Assert.Equal("completed", import.GetProperty("status").GetString());

        var anonymous = await host.CreateAnonymousClient().GetAsync("/metrics");
        var refused = await clerk.GetAsync("/metrics");
        // Scraped until the import's figures are in, as a scraper's next visit would see them: the exporter answers from a copy up
        // to 300 ms old, and the run's counts are added just after the import says it completed.
        HttpResponseMessage scraped;
        string after;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await Task.Delay(400);
            scraped = await scraper.GetAsync("/metrics");
            after = await scraped.Content.ReadAsStringAsync();
        }
        while (DateTime.UtcNow < deadline && (Value(after, "platform_import_rows_total", "outcome=\"kept\"") - Value(before, "platform_import_rows_total", "outcome=\"kept\"") < 39
            || Value(after, "platform_jobs_runs_total", "kind=\"import\"", "outcome=\"done\"") - Value(before, "platform_jobs_runs_total", "kind=\"import\"", "outcome=\"done\"") < 1
            || Value(after, "http_server_request_duration_seconds_count", "http_request_method=\"POST\"") < 4));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.StartsWith("text/plain", scraped.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.True(Value(after, "platform_import_rows_total", "outcome=\"kept\"") - Value(before, "platform_import_rows_total", "outcome=\"kept\"") >= 39, after);
        Assert.True(Value(after, "platform_import_rows_total", "outcome=\"refused\"") - Value(before, "platform_import_rows_total", "outcome=\"refused\"") >= 1);
        Assert.True(Value(after, "platform_jobs_runs_total", "kind=\"import\"", "outcome=\"done\"") - Value(before, "platform_jobs_runs_total", "kind=\"import\"", "outcome=\"done\"") >= 1);
        Assert.True(Value(after, "platform_jobs_duration_seconds_count", "kind=\"import\"") >= 1);
        // Requests by route: the sign-ins, the upload and the import (a request's own point may land just after its answer).
        Assert.True(Value(after, "http_server_request_duration_seconds_count", "http_request_method=\"POST\"") >= 4, after);
        Assert.Contains("service_instance_id", after, StringComparison.Ordinal);
    }
}
