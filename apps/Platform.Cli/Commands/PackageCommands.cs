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
    /// <summary><c>platform package apply DIR|FILE.zip</c>: installs or upgrades the package of a folder or of a zip (read as the apps page reads it).</summary>
    public static async Task<int> ApplyAsync(string folder, IReadOnlyList<string> options, IReadOnlyDictionary<string, string?> settings, TextWriter output, TextWriter error)
    {
        await using var services = CliServices.Build(settings, CliArguments.ValueOf(options, "--content-root"), out var database);
        await using var scope = services.CreateAsyncScope();
        if (await ReadAsync(folder, error, scope.ServiceProvider) is not { } files)
        {
            return CliApplication.Failed;
        }

        await PlatformDatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), database);
        var dryRun = options.Contains("--dry-run");
        var resolutions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (option, choice) in new[] { ("--mine", AppPackageResolutions.Mine), ("--theirs", AppPackageResolutions.Theirs) })
        {
            foreach (var item in (CliArguments.ValueOf(options, option) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                resolutions[item] = choice;
            }
        }

        var install = await scope.ServiceProvider.GetRequiredService<AppPackageInstaller>().InstallAsync(files, $"cli:{Environment.UserName}", dryRun, resolutions);
        var report = install.Applied;
        if (!report.Succeeded)
        {
            await error.WriteLineAsync($"The package was not applied; nothing changed. {report.Errors.Count} problem(s):");
            foreach (var problem in report.Errors)
            {
                await error.WriteLineAsync($"  {problem}");
            }

            return CliApplication.Failed;
        }

        var what = install.Package is null ? "" : $" ({install.Package} {install.FromVersion ?? "not installed"} → {install.ToVersion})";
        await output.WriteLineAsync($"{(dryRun ? "Dry run, nothing changed — would apply" : "Applied")} {Path.GetFullPath(folder)}{what}: created {List(report.Created)}; changed {List(report.Changed)}; unchanged {List(report.Unchanged)}.");
        foreach (var state in new[] { AppPackageItemStates.Kept, AppPackageItemStates.Taken, AppPackageItemStates.Conflict, AppPackageItemStates.Removed })
        {
            if (install.Items.Where(i => i.State == state).Select(i => i.Item).ToList() is { Count: > 0 } items)
            {
                await output.WriteLineAsync($"  {state}: {string.Join(", ", items)}");
            }
        }

        if (install.Items.Any(i => i.State == AppPackageItemStates.Conflict))
        {
            await output.WriteLineAsync("  Changed here and in the package: kept as they are here. Choose with --mine ITEM,… or --theirs ITEM,….");
        }

        if (dryRun && report.Sql.Count > 0)
        {
            await output.WriteLineAsync("  Schema changes:");
            foreach (var statement in report.Sql)
            {
                await output.WriteLineAsync($"    {statement.TrimEnd().TrimEnd(';')};");
            }
        }

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
        var version = CliArguments.ValueOf(options, "--version");
        if (!AppPackageNames.IsName(name) || (version is not null && !AppPackageNames.TryVersion(version, out _)))
        {
            await error.WriteLineAsync($"'{name}' {version} is no package name and version: a name is lower-case letters, digits, '-' and '_'; a version numbers with dots (1.2.0).");
            return CliApplication.Failed;
        }

        // Records (as sample data) and the company's settings go in only when asked for; under the version given, or none yet.
        var (records, settingsToo) = (options.Contains("--records"), options.Contains("--settings"));
        IReadOnlyList<AppPackageFile> files;
        try
        {
            files = await scope.ServiceProvider.GetRequiredService<AppPackageInstaller>().ExportAsync(new AppPackageExport(name, version ?? AppPackageManifest.Show(AppPackageManifest.Unversioned),
                Items: records || settingsToo ? [.. ExportKinds, .. records ? [PackageSampleData.Folder] : Array.Empty<string>(), .. settingsToo ? [AppPackageInstaller.SettingsFolder] : Array.Empty<string>()] : null));
        }
        catch (AppPackageExportRefusedException e)
        {
            await error.WriteLineAsync(scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer>()[e.Key, e.Arguments]);
            return CliApplication.Failed;
        }

        AppPackageFolder.Write(folder, files);
        var kinds = files.Skip(1).GroupBy(f => f.Path.Split('/')[0]).Select(g => $"{g.Count()} {g.Key}");
        await output.WriteLineAsync($"Exported to {Path.GetFullPath(folder)}: {string.Join(", ", kinds)}.");
        return CliApplication.Ok;
    }

    /// <summary>Every kind of document a package holds but the company's settings, for an export that adds records or settings to them.</summary>
    private static readonly string[] ExportKinds = [.. Platform.Apps.Packages.AppExportChoice.DocumentKinds.Where(k => k != AppPackageInstaller.SettingsFolder)];

    /// <summary><c>platform package uninstall NAME [--dry-run] [--remove-data --confirm NAME]</c>: an app and everything it brought.</summary>
    public static async Task<int> UninstallAsync(string name, IReadOnlyList<string> options, IReadOnlyDictionary<string, string?> settings, TextWriter output, TextWriter error)
    {
        await using var services = CliServices.Build(settings, CliArguments.ValueOf(options, "--content-root"), out var database);
        await using var scope = services.CreateAsyncScope();
        if (!await ExistsAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>()))
        {
            await error.WriteLineAsync($"No platform database found ({database.Provider.Name}, data directory {database.DataDirectory}).");
            return CliApplication.Failed;
        }

        var (dryRun, removeData) = (options.Contains("--dry-run"), options.Contains("--remove-data"));
        if (removeData && !dryRun && CliArguments.ValueOf(options, "--confirm") != name)
        {
            await error.WriteLineAsync($"--remove-data deletes {name}'s records for good: confirm with --confirm {name}.");
            return CliApplication.Failed;
        }

        var report = await scope.ServiceProvider.GetRequiredService<AppPackageInstaller>().UninstallAsync(name, $"cli:{Environment.UserName}", removeData, dryRun);
        var text = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer>();
        if (!report.Succeeded)
        {
            await error.WriteLineAsync($"{name} was not uninstalled; nothing changed:");
            foreach (var problem in report.Errors)
            {
                await error.WriteLineAsync($"  {problem.Message}");
            }

            return CliApplication.Failed;
        }

        await output.WriteLineAsync($"{(dryRun ? "Dry run, nothing changed — would uninstall" : "Uninstalled")} {name} {report.Version}: removed {List(report.Removed)}.");
        foreach (var data in report.Data)
        {
            await output.WriteLineAsync($"  deleted with it: {text[$"Packages.Data.{data.Kind}", data.Owner, data.Count]}");
        }

        if (dryRun && report.Sql.Count > 0)
        {
            await output.WriteLineAsync("  Schema changes:");
            foreach (var statement in report.Sql)
            {
                await output.WriteLineAsync($"    {statement.TrimEnd().TrimEnd(';')};");
            }
        }

        return CliApplication.Ok;
    }

    /// <summary>The package folder's files, or null when there is no such folder (said on <paramref name="error"/>).</summary>
    private static async Task<IReadOnlyList<AppPackageFile>?> ReadAsync(string folder, TextWriter error, IServiceProvider? services = null)
    {
        try
        {
            if (services is not null && folder.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && File.Exists(folder))
            {
                await using var zip = File.OpenRead(folder);
                return Platform.Apps.Packages.PackageZip.Read(zip, Path.GetFileName(folder), services.GetRequiredService<Platform.Apps.Packages.PackageZipLimits>());
            }

            return AppPackageFolder.Read(folder);
        }
        catch (DirectoryNotFoundException e)
        {
            await error.WriteLineAsync(e.Message);
            return null;
        }
        catch (Platform.Apps.Packages.PackageRefusedException e)
        {
            var text = services!.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer>();
            await error.WriteLineAsync(text[e.Key, [.. e.Arguments]]);
            return null;
        }
    }

    private static async Task<bool> ExistsAsync(PlatformDbContext db) =>
        await db.GetService<IRelationalDatabaseCreator>().ExistsAsync() && (await db.Database.GetAppliedMigrationsAsync()).Any();

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
