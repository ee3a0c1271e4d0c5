using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Data.Records;

namespace Platform.Data.Packages;

/// <summary>
/// Installs and upgrades app packages as apps, as Odoo and Frappe upgrade theirs without losing what a customer changed. Every item
/// remembers the package version it came from and how it looked right after; applying a newer version updates what nobody changed
/// here, leaves what was changed here (a conflict when the package changed it too, until someone chooses mine or theirs), and never
/// deletes what the package no longer brings. A package is refused whole — nothing applied — for an older version than the one
/// installed, a missing or too old dependency, or any problem in its documents. A dry run does all of it and rolls it back.
/// </summary>
public sealed class AppPackageInstaller(PlatformDbContext db, AppPackageService packages, SchemaCache schemaCache, TimeProvider clock, IStringLocalizer text,
    PackageSampleData samples, PackageSampleExport sampleExport) : IAppPackages
{
    public async Task<IReadOnlyList<InstalledApp>> InstalledAsync(CancellationToken cancellationToken = default)
    {
        var installed = await db.Set<InstalledAppPackage>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var items = await db.Set<AppPackageItem>().AsNoTracking().ToListAsync(cancellationToken);
        var here = installed.Count == 0 ? [] : AppPackageItemKeys.Items(await packages.ExportAsync("here", cancellationToken));
        return [.. installed.Select(p => new InstalledApp(p.Name, p.Version, p.Description, p.Dependencies, p.InstalledAt, p.UpdatedAt, p.UpdatedBy,
            [.. items.Where(i => i.Package == p.Name).OrderBy(i => i.Item, StringComparer.Ordinal)
                .Select(i => new InstalledAppItem(i.Item, i.Version, i.AppliedHash.Length > 0 && (here.GetValueOrDefault(i.Item) is { } files ? AppPackageItemKeys.Hash(files) : "") != i.AppliedHash))]))];
    }

    /// <summary>The folder of the settings a package may bring (the company's details for printing), exported only when chosen.</summary>
    public const string SettingsFolder = "settings";

    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(AppPackageExport request, CancellationToken cancellationToken = default)
    {
        var chosen = request.Items?.ToHashSet(StringComparer.Ordinal);
        // The company's own settings go only when chosen: an app shared with another company must not carry this one's name and bank account.
        var files = (await packages.ExportAsync(request.Name, cancellationToken)).Where(f => f.Path != AppPackageManifest.FileName)
            .Where(f => chosen is null ? !f.Path.StartsWith(SettingsFolder + "/", StringComparison.Ordinal)
                : chosen.Contains(AppPackageItemKeys.Of(f.Path)) || chosen.Contains(f.Path.Split('/')[0]));
        if (!AppPackageNames.IsName(request.Name) || !AppPackageNames.TryVersion(request.Version, out var version))
        {
            throw new ArgumentException($"'{request.Name}' {request.Version} is no package name and version (check them with AppPackageNames first).", nameof(request));
        }

        var manifest = new AppPackageManifest(request.Name, request.Description, version, new Dictionary<string, Version>());
        var documents = files.ToList();
        if (chosen?.Contains(PackageSampleData.Folder) == true)
        {
            var entities = documents.Where(f => f.Path.StartsWith(AppPackageFolder.EntitiesFolder + "/", StringComparison.Ordinal) && f.Path.EndsWith(".json", StringComparison.Ordinal))
                .Select(f => f.Path[(AppPackageFolder.EntitiesFolder.Length + 1)..^".json".Length]).ToList();
            documents.AddRange(await sampleExport.ExportAsync(entities, cancellationToken));
        }

        return [new AppPackageFile(AppPackageManifest.FileName, manifest.Write()), .. documents];
    }

    public Task<SampleDataReport> LoadSamplesAsync(IReadOnlyList<AppPackageFile> files, string userName, CancellationToken cancellationToken = default) =>
        samples.LoadAsync(files, userName, cancellationToken);

    public async Task<AppPackageInstallReport> InstallAsync(IReadOnlyList<AppPackageFile> files, string changedBy, bool dryRun = false,
        IReadOnlyDictionary<string, string>? resolutions = null, CancellationToken cancellationToken = default)
    {
        var (manifest, problems) = AppPackageManifest.Read(files);
        if (problems.Count > 0)
        {
            return AppPackageInstallReport.Refused(null, problems);
        }

        if (manifest is null)
        {
            // A bare folder of documents: applied, not followed as an app.
            return await InTransactionAsync(dryRun, async () =>
            {
                var applied = await packages.ApplyAsync(files, changedBy, cancellationToken);
                return new AppPackageInstallReport(null, null, null, dryRun, [], applied);
            }, report => report.Succeeded, cancellationToken);
        }

        var installed = await db.Set<InstalledAppPackage>().AsNoTracking().ToListAsync(cancellationToken);
        var before = installed.FirstOrDefault(p => p.Name == manifest.Name);
        if (Refusal(manifest, before, installed) is { Count: > 0 } refused)
        {
            return AppPackageInstallReport.Refused(manifest.Name, refused);
        }

        return await InTransactionAsync(dryRun, () => UpgradeAsync(files, manifest, before, changedBy, dryRun, resolutions ?? new Dictionary<string, string>(), cancellationToken), report => report.Succeeded, cancellationToken);
    }

    public async Task<AppPackageUninstallReport> UninstallAsync(string name, string changedBy, bool removeData = false, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var installed = await db.Set<InstalledAppPackage>().AsNoTracking().ToListAsync(cancellationToken);
        if (installed.FirstOrDefault(p => p.Name == name) is not { } package)
        {
            return AppPackageUninstallReport.Refused(name, [new("$.name", text["Packages.Error.NotInstalled", name])]);
        }

        var needing = installed.Where(p => p.Name != name && (p.Dependencies ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries).Any(d => d.Split(' ')[0] == name)).Select(p => p.Name).ToList();
        if (needing.Count > 0)
        {
            return AppPackageUninstallReport.Refused(name, [new("$.name", text["Packages.Error.NeededBy", name, string.Join(", ", needing)])]);
        }

        // An item another installed app brings too (both define the same customer) stays for that app.
        var items = await db.Set<AppPackageItem>().AsNoTracking().ToListAsync(cancellationToken);
        var sharedItems = items.Where(i => i.Package != name).Select(i => i.Item).ToHashSet(StringComparer.Ordinal);
        var here = AppPackageItemKeys.Items(await packages.ExportAsync(name, cancellationToken));
        var files = items.Where(i => i.Package == name && !sharedItems.Contains(i.Item)).SelectMany(i => here.GetValueOrDefault(i.Item) ?? []).ToList();
        var data = await packages.DataAsync(files, cancellationToken);
        if (data.Count > 0 && !removeData)
        {
            return AppPackageUninstallReport.Refused(name, [new("$.removeData", text["Packages.Error.HasData", name, string.Join(text["Packages.Data.Separator"], data.Select(d => text[$"Packages.Data.{d.Kind}", d.Owner, d.Count].Value))])], data);
        }

        return await InTransactionAsync(dryRun, async () =>
        {
            var removed = await packages.RemoveAsync(files, changedBy, cancellationToken);
            if (!removed.Succeeded)
            {
                return new AppPackageUninstallReport(name, package.Version, dryRun, removeData, [], data, [], removed.Errors);
            }

            await db.Set<AppPackageItem>().Where(i => i.Package == name).ExecuteDeleteAsync(cancellationToken);
            await db.Set<InstalledAppPackage>().Where(p => p.Name == name).ExecuteDeleteAsync(cancellationToken);
            return new AppPackageUninstallReport(name, package.Version, dryRun, removeData, removed.Changed, data, removed.Sql, []);
        }, report => report.Succeeded, cancellationToken);
    }

    private List<MetadataError> Refusal(AppPackageManifest manifest, InstalledAppPackage? before, IReadOnlyList<InstalledAppPackage> installed)
    {
        var problems = new List<MetadataError>();
        if (before is not null && Version.TryParse(before.Version, out var current) && current > manifest.Version)
        {
            problems.Add(new($"{AppPackageManifest.FileName}: $.version",
                text["Packages.Error.Downgrade", manifest.Name, before.Version, AppPackageManifest.Show(manifest.Version)]));
        }

        foreach (var (name, lowest) in manifest.Dependencies)
        {
            var there = installed.FirstOrDefault(p => p.Name == name);
            if (there is null)
            {
                problems.Add(new($"{AppPackageManifest.FileName}: $.dependencies.{name}", text["Packages.Error.MissingDependency", manifest.Name, name, AppPackageManifest.Show(lowest)]));
            }
            else if (!Version.TryParse(there.Version, out var version) || version < lowest)
            {
                problems.Add(new($"{AppPackageManifest.FileName}: $.dependencies.{name}",
                    text["Packages.Error.OldDependency", manifest.Name, name, AppPackageManifest.Show(lowest), there.Version]));
            }
        }

        return problems;
    }

    private async Task<AppPackageInstallReport> UpgradeAsync(IReadOnlyList<AppPackageFile> files, AppPackageManifest manifest, InstalledAppPackage? before, string changedBy,
        bool dryRun, IReadOnlyDictionary<string, string> resolutions, CancellationToken cancellationToken)
    {
        var version = AppPackageManifest.Show(manifest.Version);
        var here = AppPackageItemKeys.Items(await packages.ExportAsync(manifest.Name, cancellationToken));
        var followed = await db.Set<AppPackageItem>().Where(i => i.Package == manifest.Name).ToDictionaryAsync(i => i.Item, StringComparer.Ordinal, cancellationToken);
        var plan = new List<AppPackageItemPlan>();
        var take = new List<AppPackageFile>();
        foreach (var (item, theirs) in AppPackageItemKeys.Items(files).OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var mine = here.GetValueOrDefault(item) ?? [];
            var state = State(followed.GetValueOrDefault(item), mine, theirs, resolutions.GetValueOrDefault(item));
            plan.Add(new AppPackageItemPlan(item, state, state is AppPackageItemStates.Conflict or AppPackageItemStates.Taken ? mine : [],
                state is AppPackageItemStates.Conflict or AppPackageItemStates.Taken ? theirs : []));
            if (state is not (AppPackageItemStates.Kept or AppPackageItemStates.Conflict))
            {
                take.AddRange(theirs);
            }
        }

        var incoming = plan.Select(p => p.Item).ToHashSet(StringComparer.Ordinal);
        plan.AddRange(followed.Keys.Where(k => !incoming.Contains(k)).Order(StringComparer.Ordinal).Select(k => new AppPackageItemPlan(k, AppPackageItemStates.Removed, [], [])));
        var applied = await packages.ApplyAsync(take, changedBy, cancellationToken);
        if (!applied.Succeeded)
        {
            return new AppPackageInstallReport(manifest.Name, before?.Version, version, dryRun, plan, applied);
        }

        var after = AppPackageItemKeys.Items(await packages.ExportAsync(manifest.Name, cancellationToken));
        // A package file written differently (another layout, an export of this very app) that leaves the item as it was is no update.
        plan = [.. plan.Select(step => step.State is AppPackageItemStates.Updated or AppPackageItemStates.Adopted
            && here.GetValueOrDefault(step.Item) is { } was && after.GetValueOrDefault(step.Item) is { } same && AppPackageItemKeys.Hash(was) == AppPackageItemKeys.Hash(same)
                ? step with { State = AppPackageItemStates.Unchanged } : step)];
        var incomingItems = AppPackageItemKeys.Items(files);
        var now = clock.GetUtcNow();
        foreach (var step in plan)
        {
            var record = followed.GetValueOrDefault(step.Item);
            if (step.State == AppPackageItemStates.Removed)
            {
                db.Remove(record!);
                continue;
            }

            if (step.State == AppPackageItemStates.Conflict)
            {
                continue; // asked again next time, until someone chooses
            }

            if (record is null)
            {
                db.Add(record = new AppPackageItem { Package = manifest.Name, Item = step.Item });
            }

            record.PackageHash = AppPackageItemKeys.Hash(incomingItems[step.Item]);
            record.Version = version;
            record.UpdatedAt = now;
            if (step.State != AppPackageItemStates.Kept)
            {
                record.AppliedHash = after.GetValueOrDefault(step.Item) is { } exported ? AppPackageItemKeys.Hash(exported) : "";
            }
        }

        var package = await db.Set<InstalledAppPackage>().FirstOrDefaultAsync(p => p.Name == manifest.Name, cancellationToken);
        if (package is null)
        {
            db.Add(package = new InstalledAppPackage { Name = manifest.Name, InstalledAt = now });
        }

        (package.Version, package.Description, package.UpdatedAt, package.UpdatedBy) = (version, manifest.Description, now, changedBy);
        package.Dependencies = manifest.Dependencies.Count == 0 ? null
            : string.Join(", ", manifest.Dependencies.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} {AppPackageManifest.Show(d.Value)}"));
        await db.SaveChangesAsync(cancellationToken);
        return new AppPackageInstallReport(manifest.Name, before?.Version, version, dryRun, plan, applied);
    }

    private static string State(AppPackageItem? record, List<AppPackageFile> mine, List<AppPackageFile> theirs, string? resolution)
    {
        if (record is null)
        {
            return mine.Count == 0 ? AppPackageItemStates.New : AppPackageItemStates.Adopted;
        }

        var changedHere = record.AppliedHash.Length > 0 && (mine.Count == 0 ? "" : AppPackageItemKeys.Hash(mine)) != record.AppliedHash;
        var changedThere = AppPackageItemKeys.Hash(theirs) != record.PackageHash;
        return (changedHere, changedThere) switch
        {
            (false, false) => AppPackageItemStates.Unchanged,
            (false, true) => AppPackageItemStates.Updated,
            (true, false) => AppPackageItemStates.Kept,
            _ => resolution switch
            {
                AppPackageResolutions.Theirs => AppPackageItemStates.Taken,
                AppPackageResolutions.Mine => AppPackageItemStates.Kept,
                _ => AppPackageItemStates.Conflict,
            },
        };
    }

    /// <summary>Runs an install or uninstall in one transaction: committed when it succeeded and is not a dry run, else rolled back (and the schema read again).</summary>
    private async Task<T> InTransactionAsync<T>(bool dryRun, Func<Task<T>> install, Func<T, bool> succeeded, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        T report;
        try
        {
            report = await install();
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            Forget();
            throw;
        }

        if (succeeded(report) && !dryRun)
        {
            await transaction.CommitAsync(cancellationToken);
            return report;
        }

        await transaction.RollbackAsync(cancellationToken);
        Forget();
        return report;
    }

    /// <summary>Nothing of a rolled-back install may linger: the tracked rows and the schema read inside it are forgotten.</summary>
    private void Forget()
    {
        db.ChangeTracker.Clear();
        schemaCache.Forget();
    }
}
