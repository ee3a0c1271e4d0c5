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
    /// Set for a document's submit or cancel: its validation rules judge the step whoever takes it (a person, or an approval
    /// submitting it as the platform — <c>user.id</c> is then <c>system</c>), as a document is checked again when it is submitted.
    /// </summary>
    public bool DocumentStep { get; set; }

    /// <summary>
    /// Set for previews: formulas and defaults run even while other values are missing or refused,
    /// so a half-filled form still shows its totals. Saves never run rules over refused values.
    /// </summary>
    public bool Preview { get; init; }

    /// <summary>
    /// For a line's rules: its document as it will be saved, without its lines — scripts see it as <c>parent</c>
    /// (a line's price remembered for the document's customer).
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Parent { get; private init; }

    /// <summary>
    /// What a form says the person just typed (<c>discount</c>, <c>lines[2].priceWithTax</c>): only those fields'
    /// change rules run, and they may overwrite whatever else the form sends. Null for saves and API calls:
    /// every field given a new value runs its change rules, which leave the values given alone.
    /// </summary>
    public IReadOnlySet<string>? Edited { get; private init; }

    /// <summary>Where this run's fields sit in the record's paths: empty for the record, <c>lines[2].</c> for a line.</summary>
    public string Prefix { get; private init; } = "";

    /// <summary>The paths change rules set in this save, the lines' included: a form takes those values as the person's own.</summary>
    public List<string> SetByRules { get; private init; } = [];

    public RuleRun ForPreview(IReadOnlyCollection<string>? edited = null) =>
        new(User, Data, Actor, Schema) { Preview = true, Edited = edited is null ? null : new HashSet<string>(edited, StringComparer.Ordinal) };

    /// <summary>A run for one line of the record: the same user, data and hints, its document as <c>parent</c>, its own lines (none).</summary>
    public RuleRun ForLine(IReadOnlyDictionary<string, object?> parent, string prefix) =>
        new(User, Data, Actor, Schema) { Preview = Preview, Parent = parent, Prefix = prefix, Edited = Edited, SetByRules = SetByRules };

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
