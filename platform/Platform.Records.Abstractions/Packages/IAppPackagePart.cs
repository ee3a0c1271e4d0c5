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
}

/// <summary>What a part did: the documents created, changed and left unchanged, or the problems that refused it.</summary>
public sealed record AppPackagePartResult(IReadOnlyList<string> Created, IReadOnlyList<string> Changed, IReadOnlyList<string> Unchanged, IReadOnlyList<MetadataError> Errors);
