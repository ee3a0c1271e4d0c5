using Platform.Core.Metadata;
using Platform.Records;

namespace Platform.RecordPages.Forms;

/// <summary>
/// A record being edited in a generated form: the values shown, the fields the user changed, its
/// lines, and the problems found by the last check. Only what the user changed is sent to the
/// server, so defaults, formulas and other people's changes to untouched fields stay the server's.
/// </summary>
public sealed class RecordDraft
{
    public RecordDraft(EntityDefinition entity, IReadOnlyDictionary<string, EntityDefinition> lineEntities, IReadOnlyDictionary<string, object?>? stored)
    {
        Entity = entity;
        LineEntities = lineEntities;
        Load(stored);
    }

    public EntityDefinition Entity { get; }

    /// <summary>The line entity of each lines field, by the field's name.</summary>
    public IReadOnlyDictionary<string, EntityDefinition> LineEntities { get; }

    /// <summary>The stored record's id; null while creating.</summary>
    public Guid? Id { get; private set; }

    /// <summary>The row version the edit started from: saving over a newer one is a conflict.</summary>
    public int RowVersion { get; private set; }

    public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<LineDraft>> Lines { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Touched { get; } = new(StringComparer.Ordinal);

    /// <summary>What the person typed since the last check (<c>discount</c>, <c>lines[2].priceWithTax</c>): the check runs those fields' change rules.</summary>
    public HashSet<string> Edited { get; } = new(StringComparer.Ordinal);

    /// <summary>Problems by field name; the record as a whole under the empty name.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Each field's form state (visible, read-only, required) from the last check.</summary>
    public Dictionary<string, FieldState> States { get; } = new(StringComparer.Ordinal);

    /// <summary>The records the entity's duplicate rules find for the values as they are now (shown above the form).</summary>
    public IReadOnlyList<Platform.Records.Duplicates.DuplicateMatch> Duplicates { get; set; } = [];

    public bool IsNew => Id is null;

    public bool HasChanges => Touched.Count > 0;

    public object? this[string field] => Values.GetValueOrDefault(field);

    /// <summary>Starts over from a stored record (or from nothing, for a new one): the user's changes are dropped.</summary>
    public void Load(IReadOnlyDictionary<string, object?>? stored)
    {
        Values.Clear();
        Lines.Clear();
        Touched.Clear();
        Edited.Clear();
        Errors.Clear();
        Id = stored?.GetValueOrDefault(SystemFields.Id) as Guid?;
        RowVersion = stored?.GetValueOrDefault(SystemFields.RowVersion) is int version ? version : 0;
        foreach (var (name, value) in stored ?? new Dictionary<string, object?>())
        {
            if (!LineEntities.ContainsKey(name))
            {
                Values[name] = value;
            }
        }

        foreach (var name in LineEntities.Keys)
        {
            Lines[name] = [.. LinesOf(stored?.GetValueOrDefault(name)).Select(l => new LineDraft(l.GetValueOrDefault(SystemFields.Id) as Guid?, new(l, StringComparer.Ordinal)))];
        }
    }

    /// <summary>Starts over from <paramref name="current"/> (someone else's newer save) and lays the user's changes on top.</summary>
    public void Rebase(IReadOnlyDictionary<string, object?> current)
    {
        var mine = Touched.ToDictionary(f => f, f => Lines.TryGetValue(f, out var lines) ? lines : Values.GetValueOrDefault(f), StringComparer.Ordinal);
        Load(current);
        foreach (var (field, value) in mine)
        {
            if (value is List<LineDraft> lines)
            {
                Lines[field] = lines;
            }
            else
            {
                Values[field] = value;
            }

            Touched.Add(field);
        }
    }

    public void Set(string field, object? value)
    {
        Values[field] = value;
        Touched.Add(field);
        Edited.Add(field);
    }

    public void SetLine(string linesField, LineDraft line, string field, object? value)
    {
        line.Values[field] = value;
        line.Touched.Add(field);
        Touched.Add(linesField);
        Edited.Add($"{linesField}[{Lines[linesField].IndexOf(line)}].{field}");
    }

    public LineDraft AddLine(string linesField)
    {
        var line = new LineDraft(null, new(StringComparer.Ordinal));
        Lines[linesField].Add(line);
        Touched.Add(linesField);
        return line;
    }

    public void RemoveLine(string linesField, LineDraft line)
    {
        Lines[linesField].Remove(line);
        Touched.Add(linesField);
    }

    /// <summary>Moves a line up (-1) or down (+1); the order becomes the line numbers on save.</summary>
    public void MoveLine(string linesField, LineDraft line, int by)
    {
        var lines = Lines[linesField];
        var from = lines.IndexOf(line);
        var to = from + by;
        if (from < 0 || to < 0 || to >= lines.Count)
        {
            return;
        }

        lines.RemoveAt(from);
        lines.Insert(to, line);
        Touched.Add(linesField);
    }

    /// <summary>What a save (or a check) sends: the fields the user changed; a changed lines field goes whole, in its order.</summary>
    public Dictionary<string, object?> ToSave()
    {
        var sent = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in Touched)
        {
            sent[field] = Lines.TryGetValue(field, out var lines)
                ? lines.Select(l => (IReadOnlyDictionary<string, object?>)l.ToSave()).ToList()
                : Values.GetValueOrDefault(field);
        }

        return sent;
    }

    /// <summary>
    /// Takes in what the server made of the values: computed fields, defaults of fields the user has
    /// not set, the same for each line, each field's form state, and the problems. A value a change rule
    /// set (the net price that follows a tax-inclusive one) is taken as if the person had typed it, so the
    /// save sends it as shown. <paramref name="checkedEdits"/> are the edits the check was sent: only those are
    /// forgotten, so a field typed while the check was under way still runs its change rules on the next one.
    /// </summary>
    public void Absorb(RecordPreview preview, IReadOnlyCollection<string>? checkedEdits = null)
    {
        var setByRules = preview.SetByRules.ToHashSet(StringComparer.Ordinal);
        foreach (var field in Entity.LiveFields)
        {
            if (LineEntities.TryGetValue(field.Name, out var lineEntity))
            {
                var shown = Lines[field.Name];
                var computed = LinesOf(preview.Record.GetValueOrDefault(field.Name)).ToList();
                for (var i = 0; i < shown.Count && i < computed.Count; i++)
                {
                    if (TakeServerValues(lineEntity, shown[i].Values, shown[i].Touched, computed[i], setByRules, $"{field.Name}[{i}]."))
                    {
                        Touched.Add(field.Name);
                    }
                }

                continue;
            }

            if (setByRules.Contains(field.Name))
            {
                Touched.Add(field.Name);
            }

            if (ServerKeeps(field) || setByRules.Contains(field.Name) || (!Touched.Contains(field.Name) && IsNew))
            {
                Values[field.Name] = preview.Record.GetValueOrDefault(field.Name);
            }
        }

        if (checkedEdits is null)
        {
            Edited.Clear();
        }
        else
        {
            Edited.ExceptWith(checkedEdits);
        }

        States.Clear();
        foreach (var (name, state) in preview.Fields)
        {
            States[name] = state;
        }

        Errors.Clear();
        foreach (var lines in Lines.Values)
        {
            foreach (var line in lines)
            {
                line.Errors.Clear();
            }
        }

        foreach (var error in preview.Errors)
        {
            AddError(error);
        }
    }

    /// <summary>Files a refused save's problems at their fields and lines.</summary>
    public void ShowErrors(IEnumerable<RecordFieldError> errors)
    {
        Errors.Clear();
        foreach (var error in errors)
        {
            AddError(error);
        }
    }

    /// <summary>Whether the form should show this problem now: fields the user has not reached yet stay quiet until a save is tried.</summary>
    public bool Reached(string field) => Touched.Contains(field);

    private void AddError(RecordFieldError error)
    {
        if (FieldPath.TryParseLine(error.Field, out var linesField, out var index, out var lineField)
            && Lines.TryGetValue(linesField, out var lines) && index < lines.Count)
        {
            lines[index].Errors.TryAdd(lineField ?? "", error.Message);
            return;
        }

        Errors.TryAdd(error.Field ?? "", error.Message);
    }

    /// <summary>Takes a line's computed values, defaults and what change rules set; answers whether a change rule set one of its values.</summary>
    private static bool TakeServerValues(EntityDefinition entity, Dictionary<string, object?> values, HashSet<string> touched, IReadOnlyDictionary<string, object?> computed,
        HashSet<string> setByRules, string prefix)
    {
        var taken = false;
        foreach (var field in entity.LiveFields)
        {
            if (setByRules.Contains(prefix + field.Name))
            {
                touched.Add(field.Name);
                taken = true;
                values[field.Name] = computed.GetValueOrDefault(field.Name);
            }
            else if (ServerKeeps(field) || !touched.Contains(field.Name))
            {
                values[field.Name] = computed.GetValueOrDefault(field.Name);
            }
        }

        return taken;
    }

    /// <summary>Fields only the server sets: formulas and numbers it draws.</summary>
    private static bool ServerKeeps(FieldDefinition field) => field.Kind?.SetByPlatform == true;

    private static IEnumerable<IReadOnlyDictionary<string, object?>> LinesOf(object? value) => value switch
    {
        IEnumerable<IReadOnlyDictionary<string, object?>> lines => lines,
        System.Collections.IEnumerable items and not string => items.OfType<IDictionary<string, object?>>().Select(d => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>(d)),
        _ => [],
    };
}
