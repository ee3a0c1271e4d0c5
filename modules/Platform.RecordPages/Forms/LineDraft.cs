namespace Platform.RecordPages.Forms;

/// <summary>One line of a document being edited (an order line): its values, what the user changed, and its problems.</summary>
public sealed class LineDraft
{
    private static int _nextKey;

    public LineDraft(Guid? id, Dictionary<string, object?> values)
    {
        Id = id;
        Values = values;
    }

    /// <summary>The stored line's id; null for a line added in this edit.</summary>
    public Guid? Id { get; }

    /// <summary>A key that stays with the line while lines are added, moved and removed (for rendering).</summary>
    public int Key { get; } = Interlocked.Increment(ref _nextKey);

    public Dictionary<string, object?> Values { get; }

    /// <summary>The fields the user set; only those are sent, so defaults and formulas stay the server's.</summary>
    public HashSet<string> Touched { get; } = new(StringComparer.Ordinal);

    /// <summary>Problems of this line's fields, by field name, from the last check.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public object? this[string field] => Values.GetValueOrDefault(field);

    /// <summary>What a save sends for this line: its id, when stored, and the values the user set.</summary>
    public Dictionary<string, object?> ToSave()
    {
        var sent = Touched.ToDictionary(f => f, f => Values.GetValueOrDefault(f), StringComparer.Ordinal);
        if (Id is { } id)
        {
            sent[Platform.Core.Metadata.SystemFields.Id] = id;
        }

        return sent;
    }
}
