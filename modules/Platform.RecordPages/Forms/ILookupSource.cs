using Platform.Core.Metadata;
using Platform.Core.Security;

namespace Platform.RecordPages.Forms;

/// <summary>
/// Where pickers find what they offer for a field: the target's records for lookups (searched by
/// title and code, as far as the user may read them), people for user fields, departments for
/// department fields.
/// </summary>
public interface ILookupSource
{
    /// <summary>The page of options matching <paramref name="text"/>, ordered by title, and how many match in all.</summary>
    Task<(IReadOnlyList<LookupOption> Options, int Count)> SearchAsync(FieldDefinition field, string? text, int skip, int take, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>The titles of the options with these keys that the user may see.</summary>
    Task<IReadOnlyDictionary<string, string>> TitlesAsync(FieldDefinition field, IReadOnlyCollection<string> keys, Actor actor, CancellationToken cancellationToken = default);
}
