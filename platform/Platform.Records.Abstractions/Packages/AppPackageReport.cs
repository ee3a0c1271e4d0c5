using Platform.Core.Metadata;

namespace Platform.Records.Packages;

/// <summary>
/// What applying a package did: per entity whether it was created, changed or already up to date,
/// and every problem found (prefixed with the file it is in). With problems, nothing was applied.
/// </summary>
public sealed record AppPackageReport(IReadOnlyList<string> Created, IReadOnlyList<string> Changed, IReadOnlyList<string> Unchanged, IReadOnlyList<MetadataError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The statements the entities' changes ran (or, in a dry run, would run) on the database.</summary>
    public IReadOnlyList<string> Sql { get; init; } = [];
}
