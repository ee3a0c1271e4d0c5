using Platform.Core.Metadata;

namespace Platform.Records;

/// <summary>
/// What a change to an entity did, or would do in a dry run: the SQL statements, and the problems
/// that refused it (each with its JSON path). When <see cref="Errors"/> is not empty nothing was written.
/// </summary>
public sealed record SchemaChangeResult(
    IReadOnlyList<MetadataError> Errors,
    IReadOnlyList<string> Sql,
    EntityDefinition? Definition,
    int Version,
    bool Applied,
    long RowsAffected = 0)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>What the change does to the definition, in words (a rename, fields added, renamed, removed), beside its SQL.</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];

    public static SchemaChangeResult Refused(IReadOnlyList<MetadataError> errors) => new(errors, [], null, 0, false);
}
