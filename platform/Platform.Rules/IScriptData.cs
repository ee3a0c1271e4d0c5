namespace Platform.Rules;

/// <summary>
/// Records a script may read while it runs (<c>lookup</c>, <c>find</c>), supplied by the save that runs
/// it: same transaction, same user, same read permissions.
/// </summary>
public interface IScriptData
{
    /// <summary>The record of <paramref name="entity"/> with <paramref name="id"/>, or null when there is none the user may read.</summary>
    IReadOnlyDictionary<string, object?>? Lookup(string entity, string id);

    /// <summary>At most <paramref name="max"/> records of <paramref name="entity"/> matching an OData <paramref name="filter"/>, sorted by an OData <paramref name="orderBy"/> (by id when null).</summary>
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Find(string entity, string filter, int max, string? orderBy = null);
}
