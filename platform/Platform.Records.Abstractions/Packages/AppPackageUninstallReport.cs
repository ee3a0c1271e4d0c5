using Platform.Core.Metadata;

namespace Platform.Records.Packages;

/// <summary>
/// What uninstalling an app did, or — in a dry run or when refused — would do: the documents removed, the data deleted with them
/// (each entity's records, each workflow's instances, each scan template's batches), and the SQL that drops the app's tables.
/// </summary>
public sealed record AppPackageUninstallReport(string Package, string? Version, bool DryRun, bool RemoveData, IReadOnlyList<string> Removed,
    IReadOnlyList<AppPackageData> Data, IReadOnlyList<string> Sql, IReadOnlyList<MetadataError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static AppPackageUninstallReport Refused(string package, IReadOnlyList<MetadataError> problems, IReadOnlyList<AppPackageData>? data = null) =>
        new(package, null, false, false, [], data ?? [], [], problems);
}
