namespace Platform.Rules;

/// <summary>
/// Records a script may read while it runs (<c>lookup</c>, <c>find</c>) and the people it may hand work to (<c>people</c>), supplied by the save that runs
/// it: same transaction, same user, same read permissions.
/// </summary>
public interface IScriptData
{
    /// <summary>The record of <paramref name="entity"/> with <paramref name="id"/>, or null when there is none the user may read.</summary>
    IReadOnlyDictionary<string, object?>? Lookup(string entity, string id);

    /// <summary>At most <paramref name="max"/> records of <paramref name="entity"/> matching an OData <paramref name="filter"/>, sorted by an OData <paramref name="orderBy"/> (by id when null).</summary>
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Find(string entity, string filter, int max, string? orderBy = null);

    /// <summary>
    /// The people who may sign in (not locked out) holding <see cref="PeopleQuery.Role"/> and in <see cref="PeopleQuery.Department"/>
    /// (with its sub-departments when asked), sorted by name, then id: each as <c>id</c>, <c>name</c>, <c>department</c>.
    /// </summary>
    IReadOnlyList<IReadOnlyDictionary<string, object?>> People(PeopleQuery query);
}

/// <summary>Which people <c>people({ role, department, subDepartments })</c> asks for; a null part does not narrow.</summary>
/// <param name="Role">A role's name.</param>
/// <param name="Department">A department's id, code or name.</param>
public sealed record PeopleQuery(string? Role, string? Department, bool SubDepartments);
