namespace Platform.Rules;

/// <summary>
/// A change a script asked for (after-save rules, record actions): a record to create (no <see cref="Id"/>; it gets
/// <see cref="NewId"/>, the id <c>create</c> answered) or to update; or, for an action, the record to open once it is done
/// (<see cref="Opens"/>, no values).
/// </summary>
public sealed record RecordChange(string Entity, string? Id, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>The id the new record gets, so the script can point other records at it before it exists.</summary>
    public Guid? NewId { get; init; }

    /// <summary>Not a change: the record to open afterwards (<c>open(entity, id)</c>).</summary>
    public bool Opens { get; init; }
}
