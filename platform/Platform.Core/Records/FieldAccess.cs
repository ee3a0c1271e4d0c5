using Platform.Core.Metadata;

namespace Platform.Core.Records;

/// <summary>What a right on a secured field allows: seeing its value, or seeing and changing it.</summary>
public enum FieldRight
{
    Read,
    Update,
}

/// <summary>
/// Which fields of one entity a person may not see (hidden) or may see but not change (read-only): the entity's secured fields
/// they hold no <c>Records.{entity}.Field.{name}.Read</c> / <c>.Update</c> right for, rights of several roles adding up. Every
/// door a value passes (reads, queries, exports, imports, audit, scripts' lookups, saves) asks this one answer.
/// </summary>
public sealed class FieldAccess
{
    private readonly HashSet<string> _hidden;
    private readonly HashSet<string> _readOnly;

    private FieldAccess(HashSet<string> hidden, HashSet<string> readOnly)
    {
        _hidden = hidden;
        _readOnly = readOnly;
    }

    /// <summary>Every field seen and changeable: the platform, administrators, and entities without secured fields.</summary>
    public static FieldAccess Open { get; } = new([], []);

    /// <summary>The fields of <paramref name="entity"/> that <paramref name="rights"/> leave hidden or read-only.</summary>
    public static FieldAccess Of(EntityDefinition entity, RecordAccess rights)
    {
        if (rights.Unrestricted || !entity.LiveFields.Any(f => f.Secured))
        {
            return Open;
        }

        var hidden = new HashSet<string>(StringComparer.Ordinal);
        var readOnly = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in entity.LiveFields.Where(f => f.Secured))
        {
            if (rights.Holds(RecordPermissions.Field(entity.Name, field.Name, FieldRight.Update)))
            {
                continue;
            }

            (rights.Holds(RecordPermissions.Field(entity.Name, field.Name, FieldRight.Read)) ? readOnly : hidden).Add(field.Name);
        }

        return hidden.Count + readOnly.Count == 0 ? Open : new FieldAccess(hidden, readOnly);
    }

    /// <summary>True when nothing is hidden or read-only.</summary>
    public bool IsOpen => _hidden.Count + _readOnly.Count == 0;

    /// <summary>The fields whose values the person may not see.</summary>
    public IReadOnlySet<string> Hidden => _hidden;

    /// <summary>The fields the person sees but may not change.</summary>
    public IReadOnlySet<string> ReadOnly => _readOnly;

    public bool MayRead(string field) => !_hidden.Contains(field);

    public bool MayChange(string field) => !_hidden.Contains(field) && !_readOnly.Contains(field);

    /// <summary>The record without its hidden fields (the same dictionary when none is).</summary>
    public IReadOnlyDictionary<string, object?> Strip(IReadOnlyDictionary<string, object?> record) =>
        _hidden.Count == 0 || !_hidden.Any(record.ContainsKey) ? record : record.Where(p => !_hidden.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Takes the hidden fields out of <paramref name="record"/> itself.</summary>
    public void StripInPlace(IDictionary<string, object?> record)
    {
        foreach (var name in _hidden)
        {
            record.Remove(name);
        }
    }
}
