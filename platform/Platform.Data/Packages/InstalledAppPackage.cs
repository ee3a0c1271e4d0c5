namespace Platform.Data.Packages;

/// <summary>An app package installed here: the version now in place and who put it there.</summary>
public sealed class InstalledAppPackage
{
    public string Name { get; set; } = "";

    public string Version { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>The packages it needs, as its manifest wrote them (<c>samples 1.0.0</c>, comma-separated).</summary>
    public string? Dependencies { get; set; }

    public DateTimeOffset InstalledAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>
/// One item an installed package brought (a view, a role, an entity — its files together, see <see cref="AppPackageItemKeys"/>): the
/// hash of the package's files as last taken, and the hash of the item as it stood right after — so that a later change made here is
/// seen (the item no longer exports to that hash) and an upgrade does not silently undo it.
/// </summary>
public sealed class AppPackageItem
{
    public long Id { get; set; }

    public string Package { get; set; } = "";

    public string Item { get; set; } = "";

    public string Version { get; set; } = "";

    public string PackageHash { get; set; } = "";

    /// <summary>The hash of the item's exported files right after it was applied; empty when it exports under other paths (not followed).</summary>
    public string AppliedHash { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
