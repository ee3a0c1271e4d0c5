using Platform.Core.Metadata;
using Platform.Core.Security;

namespace Platform.Data.Records.Saving;

/// <summary>
/// One row's values on their way into a save — a record, or one line of it: the row as it will be
/// written, as it was (null for a new row), the values sent, who sends them, and every value the
/// checks refused so far.
/// </summary>
internal sealed class RowSave(RecordsDbContext records, EntityDefinition entity, Dictionary<string, object> row, Dictionary<string, object>? before,
    IReadOnlyDictionary<string, object?> values, Actor actor)
{
    public RecordsDbContext Records { get; } = records;

    /// <summary>True for the save a submit, cancel or amend makes: the only one that may set a document's status.</summary>
    public bool DocumentStep { get; init; }

    public RecordsSchema Schema => Records.Schema;

    public EntityDefinition Entity { get; } = entity;

    public Dictionary<string, object> Row { get; } = row;

    /// <summary>The row before this save; null for a new one.</summary>
    public Dictionary<string, object>? Before { get; } = before;

    public bool Creating => Before is null;

    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    public Actor Actor { get; } = actor;

    public List<RecordFieldError> Errors { get; } = [];

    /// <summary>True when the check found no problem with <paramref name="field"/> yet (later checks skip refused values).</summary>
    public bool Accepted(string field) => Errors.All(e => e.Field != field);
}
