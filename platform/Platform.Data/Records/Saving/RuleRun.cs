using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Rules;

namespace Platform.Data.Records.Saving;

/// <summary>What the rules of one save need (the user as scripts see them) and collect (each lines field's lines, in order).</summary>
internal sealed class RuleRun(IReadOnlyDictionary<string, object?> user, IScriptData data, Actor actor, RecordsSchema schema)
{
    public RecordsSchema Schema { get; } = schema;

    /// <summary>Who saves: after-save scripts change other records as this user, with these rights.</summary>
    public Actor Actor { get; } = actor;

    public IReadOnlyDictionary<string, object?> User { get; } = user;

    /// <summary>What <c>lookup</c> and <c>find</c> read: the save's records, as the user may read them.</summary>
    public IScriptData Data { get; } = data;

    /// <summary>Per lines field, its lines as they will be saved (filled by <see cref="SaveLines"/>).</summary>
    public Dictionary<string, List<Dictionary<string, object>>> Lines { get; } = new(StringComparer.Ordinal);

    /// <summary>The lines fields whose lines this save adds, changes or removes (filled by <see cref="SaveLines"/>): read-only conditions guard them.</summary>
    public HashSet<string> ChangedLines { get; } = new(StringComparer.Ordinal);

    /// <summary>The record as it was before this change (null for a new one): after-save scripts see it as <c>old</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Old { get; set; }

    /// <summary>
    /// Set for previews: formulas and defaults run even while other values are missing or refused,
    /// so a half-filled form still shows its totals. Saves never run rules over refused values.
    /// </summary>
    public bool Preview { get; init; }

    public RuleRun ForPreview() => new(User, Data, Actor, Schema) { Preview = true };

    /// <summary>A run for one line of the record: the same user and data, its own lines (none).</summary>
    public RuleRun ForLine() => new(User, Data, Actor, Schema) { Preview = Preview };

    /// <summary>
    /// The record as scripts (and the preview) see it: its values and, per lines field, its lines as
    /// they will be saved — each presented like any record (multi-choice as lists, files described).
    /// </summary>
    public Dictionary<string, object?> WithLines(EntityDefinition entity, Dictionary<string, object> row)
    {
        var record = RecordRows.Present(entity, row);
        foreach (var (name, lines) in Lines)
        {
            var lineEntity = Schema.Find(entity.LiveField(name)!.Target!)!;
            record[name] = lines.Select(l => (IReadOnlyDictionary<string, object?>)RecordRows.Present(lineEntity, l)).ToList();
        }

        return record;
    }
}
