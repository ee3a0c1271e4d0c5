using Platform.Core.Metadata;

namespace Platform.Records.Packages;

/// <summary>What installing or upgrading a package does to one of its items.</summary>
public static class AppPackageItemStates
{
    /// <summary>Not here before: created.</summary>
    public const string New = "new";

    /// <summary>Here before the package was installed as an app (or under a package no longer tracked): taken from the package.</summary>
    public const string Adopted = "adopted";

    /// <summary>Changed in the package, not here: updated.</summary>
    public const string Updated = "updated";

    /// <summary>The same in the package and here.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>Changed here, not in the package (or "keep mine" chosen): left as it is here.</summary>
    public const string Kept = "kept";

    /// <summary>Changed here and in the package: left as it is here until someone chooses.</summary>
    public const string Conflict = "conflict";

    /// <summary>Changed here and in the package, "take theirs" chosen: the package's replaces the one here.</summary>
    public const string Taken = "taken";

    /// <summary>In the installed version, not in this one: left here (with its data), no longer followed.</summary>
    public const string Removed = "removed";
}

/// <summary>What to do about the items changed both here and in the package: <c>mine</c> keeps the one here, <c>theirs</c> takes the package's.</summary>
public static class AppPackageResolutions
{
    public const string Mine = "mine";

    public const string Theirs = "theirs";
}

/// <summary>One item of the package and what happens to it; for a conflict, its files here and in the package to show the difference.</summary>
public sealed record AppPackageItemPlan(string Item, string State, IReadOnlyList<AppPackageFile> Mine, IReadOnlyList<AppPackageFile> Theirs);

/// <summary>
/// What installing a package did (or, in a dry run, would do): the version before and after, every item's fate, and what applying
/// reported (documents created and changed, the schema's SQL) — or the problems that refused it, with nothing applied.
/// </summary>
public sealed record AppPackageInstallReport(string? Package, string? FromVersion, string? ToVersion, bool DryRun, IReadOnlyList<AppPackageItemPlan> Items, AppPackageReport Applied)
{
    public bool Succeeded => Applied.Succeeded;

    public IReadOnlyList<MetadataError> Errors => Applied.Errors;

    public static AppPackageInstallReport Refused(string? package, IReadOnlyList<MetadataError> problems) => new(package, null, null, false, [], new AppPackageReport([], [], [], problems));
}
