using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Packages;

namespace Platform.Host.IntegrationTests.Packages;

/// <summary>
/// An app's records travel with it when asked for: exported as its sample data (each record named by its id, lookups by the record they
/// name, lines inside their record), loaded with it on another platform under the same ids, and exported from there to the same files.
/// </summary>
public sealed class AppPackageSampleDataTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly string Crm = Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "crm");

    private static readonly string[] Everything = ["entities", "views", "menus", "roles", "reports", "dashboards", "print", "ocr", "workflows", PackageSampleData.Folder];

    private static Task<IReadOnlyList<AppPackageFile>> ExportAsync(PlatformHost host, IReadOnlyList<string>? items) =>
        host.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().ExportAsync(new AppPackageExport("crm-demo", "1.0.0", Items: items)));

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_apps_records_export_as_sample_data_that_loads_elsewhere_under_the_same_ids_and_exports_again_the_same(string provider)
    {
        await using var first = await PlatformHost.StartAsync(provider, ("Platform:Packages:0", Crm), ("Platform:SampleDataAs", "admin"));

        // Records go only when asked for.
        Assert.DoesNotContain(await ExportAsync(first, null), f => f.Path.StartsWith("sample-data/", StringComparison.Ordinal));
        var files = await ExportAsync(first, Everything);
        var samples = files.Where(f => f.Path.StartsWith("sample-data/", StringComparison.Ordinal)).ToDictionary(f => f.Path, f => f.Content);
        Assert.NotEmpty(samples);

        // The products come before the orders that look them up; an order's lines are inside it, naming their product by its id.
        var paths = samples.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.True(paths.FindIndex(p => p.EndsWith("-product.json", StringComparison.Ordinal)) < paths.FindIndex(p => p.EndsWith("-sales_order.json", StringComparison.Ordinal)), string.Join(", ", paths));
        var order = JsonDocument.Parse(samples.Single(s => s.Key.EndsWith("-sales_order.json", StringComparison.Ordinal)).Value).RootElement.GetProperty("records")[0];
        Assert.True(Guid.TryParse(order.GetProperty("$key").GetString(), out _));
        Assert.StartsWith("$ref:", order.GetProperty("customer").GetString(), StringComparison.Ordinal);
        var line = order.GetProperty("lines")[0];
        Assert.StartsWith("$ref:", line.GetProperty("product").GetString(), StringComparison.Ordinal);
        Assert.False(line.TryGetProperty("id", out _)); // no system field travels

        // On an empty platform: the app, then its records, under the same ids; exported again, the same files.
        await using var second = await PlatformHost.StartAsync(provider);
        var installed = await second.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().InstallAsync(files, "admin"));
        Assert.True(installed.Succeeded, string.Join(Environment.NewLine, installed.Errors));
        var loaded = await second.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().LoadSamplesAsync(files, "admin"));
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Problems));
        var orderId = Guid.Parse(order.GetProperty("$key").GetString()!);
        Assert.NotNull(await second.InScopeAsync(s => s.GetRequiredService<Platform.Data.Records.RecordStore>().GetAsync("sales_order", orderId)));

        var again = (await ExportAsync(second, Everything)).Where(f => f.Path.StartsWith("sample-data/", StringComparison.Ordinal)).ToDictionary(f => f.Path, f => f.Content);
        Assert.Equal(paths, again.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, content) in samples)
        {
            Assert.True(content == again[path], $"{path} differs after the round trip");
        }

        // Loaded twice, they are refused: the app has records now.
        var twice = await second.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().LoadSamplesAsync(files, "admin"));
        Assert.False(twice.Succeeded);
    }
}
