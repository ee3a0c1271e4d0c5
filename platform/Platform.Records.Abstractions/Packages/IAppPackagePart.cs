using Platform.Core.Metadata;

namespace Platform.Records.Packages;

/// <summary>
/// A kind of document app packages carry besides entities (workflows now; forms, views, OCR templates
/// later), applied by the feature that owns it. Parts run after the entities, in the package's
/// transaction: a problem in any part and nothing of the package is applied.
/// </summary>
public interface IAppPackagePart
{
    /// <summary>The package folder the part reads, e.g. <c>workflows</c>.</summary>
    string Folder { get; }

    /// <summary>Applies the part's files (paths start with <see cref="Folder"/>); answers the problems, each with the file and where in it.</summary>
    Task<AppPackagePartResult> ApplyAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken);

    /// <summary>
    /// Every document of the part's kind as it is now — brought by a package or made in the browser — as the files
    /// <see cref="ApplyAsync"/> reads: one from a package keeps its file's path, one made here gets a path of its own that
    /// applying keeps. Applying the files on an empty platform and exporting again gives the same files.
    /// </summary>
    Task<IReadOnlyList<AppPackageFile>> ExportAsync(CancellationToken cancellationToken);

    /// <summary>
    /// What people made with the documents export gives these paths — a workflow's instances, a scan template's batches — which
    /// uninstalling their app would delete with them; none by default.
    /// </summary>
    Task<IReadOnlyList<AppPackageData>> DataAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AppPackageData>>([]);

    /// <summary>
    /// Removes the documents export gives these paths (an app being uninstalled), with their <see cref="DataAsync"/>, in the package's
    /// transaction; a path no document has is passed over. Answers the documents removed (in <see cref="AppPackagePartResult.Changed"/>) or the problems.
    /// </summary>
    Task<AppPackagePartResult> RemoveAsync(IReadOnlyList<string> paths, string changedBy, CancellationToken cancellationToken);
}

/// <summary>Data an uninstall deletes: <paramref name="Count"/> of <paramref name="Kind"/> (see <see cref="AppPackageDataKinds"/>) belonging to <paramref name="Owner"/>, an entity or a document.</summary>
public sealed record AppPackageData(string Kind, string Owner, long Count);

/// <summary>The kinds of <see cref="AppPackageData"/>, each a message key <c>Packages.Data.{kind}</c>.</summary>
public static class AppPackageDataKinds
{
    public const string Records = "Records";

    public const string WorkflowInstances = "WorkflowInstances";

    public const string ScanBatches = "ScanBatches";
}

/// <summary>What a part did: the documents created, changed and left unchanged, or the problems that refused it.</summary>
public sealed record AppPackagePartResult(IReadOnlyList<string> Created, IReadOnlyList<string> Changed, IReadOnlyList<string> Unchanged, IReadOnlyList<MetadataError> Errors);
