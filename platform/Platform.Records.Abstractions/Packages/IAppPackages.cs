namespace Platform.Records.Packages;

/// <summary>The apps installed here as packages: install and upgrade them, list them with what they brought, export what is here as one.</summary>
public interface IAppPackages
{
    /// <summary>
    /// Installs or upgrades a package (a folder's or a zip's files), all or nothing; with <paramref name="dryRun"/> everything is done and
    /// rolled back, so the report says what would change. <paramref name="resolutions"/> choose, per item changed both here and in the
    /// package, <see cref="AppPackageResolutions.Mine"/> or <see cref="AppPackageResolutions.Theirs"/>.
    /// </summary>
    Task<AppPackageInstallReport> InstallAsync(IReadOnlyList<AppPackageFile> files, string changedBy, bool dryRun = false,
        IReadOnlyDictionary<string, string>? resolutions = null, CancellationToken cancellationToken = default);

    /// <summary>The installed packages with their items, each marked when it was changed here since the package set it.</summary>
    Task<IReadOnlyList<InstalledApp>> InstalledAsync(CancellationToken cancellationToken = default);

    /// <summary>What is here as a package: its manifest, and every item or only those chosen (by item, <c>entities/customer</c>, or by kind, <c>views</c>).</summary>
    Task<IReadOnlyList<AppPackageFile>> ExportAsync(AppPackageExport request, CancellationToken cancellationToken = default);

    /// <summary>Loads a package's sample records (<c>sample-data/</c>) as <paramref name="userName"/> into its entities, which must have none yet; all or none.</summary>
    Task<SampleDataReport> LoadSamplesAsync(IReadOnlyList<AppPackageFile> files, string userName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uninstalls an app: every item it brought (changed here or not) goes, its entities' tables included, all or nothing. Refused while
    /// another installed app depends on it, while entities outside it look its entities up, and — unless <paramref name="removeData"/> —
    /// while any of its entities holds records or its workflows and scan templates have instances or batches (the report lists them).
    /// With <paramref name="dryRun"/> everything is done and rolled back.
    /// </summary>
    Task<AppPackageUninstallReport> UninstallAsync(string name, string changedBy, bool removeData = false, bool dryRun = false, CancellationToken cancellationToken = default);
}

/// <summary>An installed package: its version, what it needs, when and by whom it was last installed, and its items.</summary>
public sealed record InstalledApp(string Name, string Version, string? Description, string? Dependencies, DateTimeOffset InstalledAt, DateTimeOffset UpdatedAt,
    string UpdatedBy, IReadOnlyList<InstalledAppItem> Items);

/// <summary>One item an installed package brought, the version it came with, and whether it was changed here since.</summary>
public sealed record InstalledAppItem(string Item, string Version, bool ChangedHere);

/// <summary>
/// What to export: the package's name, version and description, and the items to put in (null: every document here). The records of the
/// entities exported go in as sample data only when <c>sample-data</c> is among the items, and the company's settings only when <c>settings</c> is.
/// </summary>
public sealed record AppPackageExport(string Name, string Version, string? Description = null, IReadOnlyList<string>? Items = null);
