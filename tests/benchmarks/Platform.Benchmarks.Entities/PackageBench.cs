using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Platform.Cli;
using Platform.Data;
using Platform.Data.Packages;
using Platform.Records.Packages;
using Platform.Web.Data;

namespace Platform.Benchmarks.Entities;

/// <summary>
/// (j) App packages on SQLite with every module composed, as the command line composes them: the CRM, inventory and trade-fair apps
/// installed on an empty platform; then what every start-up does with them — installing them again unchanged through the installer
/// (which exports everything before and after, to see what was changed here) — against the old start-up path, applying the same
/// files without following them (the baseline); a dry run of the three; and the export of everything. p50/p95 of 10 runs after 2.
/// </summary>
internal static class PackageBench
{
    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("platform-bench-packages-").FullName;
        try
        {
            await using var services = CliServices.Build(new Dictionary<string, string?> { ["Platform:DataDirectory"] = folder }, null, out var database);
            await using (var scope = services.CreateAsyncScope())
            {
                await PlatformDatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), database);
            }

            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(root.FullName, "Platform.sln")))
            {
                root = root.Parent ?? throw new InvalidOperationException("Run from inside the repository.");
            }

            var packages = new[] { "crm", "inventory", "trade-fair-orders" }.Select(p => AppPackageFolder.Read(Path.Combine(root.FullName, "apps", "packages", p))).ToList();
            Console.WriteLine($"(j) app packages: CRM, inventory and trade-fair ({packages.Sum(p => p.Count)} files), SQLite, every module composed; p50 / p95 of 10 runs after 2");

            var watch = System.Diagnostics.Stopwatch.StartNew();
            foreach (var files in packages)
            {
                await InstallAsync(services, files, dryRun: false);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    first install of the three on an empty platform: {watch.Elapsed.TotalMilliseconds:F0} ms"));

            var followed = await Bench.TimeAsync(2, 10, async () =>
            {
                foreach (var files in packages)
                {
                    await InstallAsync(services, files, dryRun: false);
                }

                return 0;
            });
            var plain = await Bench.TimeAsync(2, 10, async () =>
            {
                foreach (var files in packages)
                {
                    await using var scope = services.CreateAsyncScope();
                    var report = await scope.ServiceProvider.GetRequiredService<AppPackageService>().ApplyAsync(files, "bench");
                    Check(report.Succeeded, report.Errors);
                }

                return 0;
            });
            var dryRun = await Bench.TimeAsync(2, 10, async () =>
            {
                foreach (var files in packages)
                {
                    await InstallAsync(services, files, dryRun: true);
                }

                return 0;
            });
            var exported = 0;
            var export = await Bench.TimeAsync(2, 10, async () =>
            {
                await using var scope = services.CreateAsyncScope();
                exported = (await scope.ServiceProvider.GetRequiredService<IAppPackages>().ExportAsync(new AppPackageExport("all", "1.0.0"))).Count;
                return exported;
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    installed again unchanged (every start-up): installer p50 {Bench.Percentile(followed, 50):F0} ms, p95 {Bench.Percentile(followed, 95):F0} ms; " +
                $"applying without following (baseline) p50 {Bench.Percentile(plain, 50):F0} ms, p95 {Bench.Percentile(plain, 95):F0} ms; ratio (p50) {Bench.Percentile(followed, 50) / Bench.Percentile(plain, 50):F2}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    dry run of the three: p50 {Bench.Percentile(dryRun, 50):F0} ms, p95 {Bench.Percentile(dryRun, 95):F0} ms; export of everything ({exported} files): p50 {Bench.Percentile(export, 50):F0} ms, p95 {Bench.Percentile(export, 95):F0} ms"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task InstallAsync(IServiceProvider services, IReadOnlyList<AppPackageFile> files, bool dryRun)
    {
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<IAppPackages>().InstallAsync(files, "bench", dryRun);
        Check(report.Succeeded, report.Errors);
    }

    private static void Check(bool succeeded, IReadOnlyList<Platform.Core.Metadata.MetadataError> errors)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", errors));
        }
    }
}
