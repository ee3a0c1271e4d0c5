using Platform.Core.Security;

namespace Platform.Records.Duplicates;

/// <summary>
/// The records an entity's duplicate rules (查重) find for values being entered — while a form is filled in, or before an
/// API client saves. Matches the person may not read are counted, never shown.
/// </summary>
public interface IDuplicateFinder
{
    /// <summary>
    /// The matches of <paramref name="values"/> (field name → value) under each rule, best first, leaving out record
    /// <paramref name="except"/> (the one being edited); null when there is no such entity or the actor may not read it.
    /// </summary>
    Task<IReadOnlyList<DuplicateMatch>?> FindAsync(string entityName, IReadOnlyDictionary<string, object?> values, Guid? except, Actor actor, CancellationToken cancellationToken = default);
}

/// <summary>
/// A record found by a duplicate rule: the rule (its label in the person's language, whether it refuses the save), how alike
/// (1 for exact rules), and the record — its id and title, or neither when the person may not read it.
/// </summary>
public sealed record DuplicateMatch(string Rule, string Label, bool Blocks, double Score, Guid? RecordId, string? Title);
