using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Data.Configuration;
using Platform.Data.Packages;
using Platform.Records.Packages;
using Platform.Web.Data;

namespace Platform.Cli.Commands;

/// <summary><c>platform package apply DIR</c> and <c>platform package export DIR</c>.</summary>
public static class PackageCommands
{
    public static async Task<int> ApplyAsync(string folder, IReadOnlyList<string> options, IReadOnlyDictionary<string, string?> settings, TextWriter output, TextWriter error)
    {
        if (await ReadAsync(folder, error) is not { } files)
        {
            return CliApplication.Failed;
        }

        await using var services = CliServices.Build(settings, CliArguments.ValueOf(options, "--content-root"), out var database);
        await using var scope = services.CreateAsyncScope();
        await PlatformDatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), database);
        var report = await scope.ServiceProvider.GetRequiredService<AppPackageService>().ApplyAsync(files, $"cli:{Environment.UserName}");
        if (!report.Succeeded)
        {
            await error.WriteLineAsync($"The package was not applied; nothing changed. {report.Errors.Count} problem(s):");
            foreach (var problem in report.Errors)
            {
                await error.WriteLineAsync($"  {problem}");
            }

            return CliApplication.Failed;
        }

        await output.WriteLineAsync($"Applied {Path.GetFullPath(folder)}: created {List(report.Created)}; changed {List(report.Changed)}; unchanged {List(report.Unchanged)}.");
        return CliApplication.Ok;
    }

    /// <summary><c>platform package samples DIR [--as USER]</c>: the package's sample records, into an app that has none yet.</summary>
    public static async Task<int> SamplesAsync(string folder, IReadOnlyList<string> options, IReadOnlyDictionary<string, string?> settings, TextWriter output, TextWriter error)
    {
        if (await ReadAsync(folder, error) is not { } files)
        {
            return CliApplication.Failed;
        }

        await using var services = CliServices.Build(settings, CliArguments.ValueOf(options, "--content-root"), out var database);
        await using var scope = services.CreateAsyncScope();
        if (!await ExistsAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>()))
        {
            await error.WriteLineAsync($"No platform database found ({database.Provider.Name}, data directory {database.DataDirectory}): run the product once, or apply the package first.");
            return CliApplication.Failed;
        }

        var person = CliArguments.ValueOf(options, "--as") ?? "admin";
        var report = await scope.ServiceProvider.GetRequiredService<PackageSampleData>().LoadAsync(files, person);
        if (!report.Succeeded)
        {
            await error.WriteLineAsync($"The sample records were not loaded; nothing changed. {report.Problems.Count} problem(s):");
            foreach (var problem in report.Problems)
            {
                await error.WriteLineAsync($"  {problem}");
            }

            return CliApplication.Failed;
        }

        await output.WriteLineAsync($"Loaded the samples of {Path.GetFullPath(folder)} as {person}: {string.Join(", ", report.Created.Select(c => $"{c.Value} {c.Key}"))}.");
        return CliApplication.Ok;
    }

    public static async Task<int> ExportAsync(string folder, IReadOnlyList<string> options, IReadOnlyDictionary<string, string?> settings, TextWriter output, TextWriter error)
    {
        await using var services = CliServices.Build(settings, CliArguments.ValueOf(options, "--content-root"), out var database);
        await using var scope = services.CreateAsyncScope();
        if (!await ExistsAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>()))
        {
            await error.WriteLineAsync($"No platform database found ({database.Provider.Name}, data directory {database.DataDirectory}).");
            return CliApplication.Failed;
        }

        var name = CliArguments.ValueOf(options, "--name") ?? Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
        var files = await scope.ServiceProvider.GetRequiredService<AppPackageService>().ExportAsync(name);
        AppPackageFolder.Write(folder, files);
        await output.WriteLineAsync($"Exported {files.Count - 1} entities to {Path.GetFullPath(folder)}.");
        return CliApplication.Ok;
    }

    /// <summary>The package folder's files, or null when there is no such folder (said on <paramref name="error"/>).</summary>
    private static async Task<IReadOnlyList<AppPackageFile>?> ReadAsync(string folder, TextWriter error)
    {
        try
        {
            return AppPackageFolder.Read(folder);
        }
        catch (DirectoryNotFoundException e)
        {
            await error.WriteLineAsync(e.Message);
            return null;
        }
    }

    private static async Task<bool> ExistsAsync(PlatformDbContext db) =>
        await db.GetService<IRelationalDatabaseCreator>().ExistsAsync() && (await db.Database.GetAppliedMigrationsAsync()).Any();

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
