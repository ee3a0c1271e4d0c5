namespace Platform.Bpmn.Runtime;

/// <summary>
/// What a running step needs from outside the instance: the bound record (read for conditions and
/// changed by service tasks), the people directory (managers), and the built-in actions. The engine
/// gives the real ones inside the step's transaction; tests give their own.
/// </summary>
public interface IStepServices
{
    /// <summary>The bound record's values as scripts see them; null when the instance has none.</summary>
    Task<IReadOnlyDictionary<string, object?>?> RecordAsync();

    /// <summary>The manager of a user, or null.</summary>
    Task<string?> ManagerOfAsync(string userId);

    /// <summary>The manager of the department of the bound record's owner, or null.</summary>
    Task<string?> OwnerDepartmentManagerAsync();

    /// <summary>The people of <paramref name="userId"/>'s department who hold <paramref name="role"/>.</summary>
    Task<IReadOnlyList<string>> DepartmentRoleHoldersAsync(string userId, string role);

    /// <summary>Everyone who holds <paramref name="role"/> (whom a notification to a role reaches).</summary>
    Task<IReadOnlyList<string>> RoleHoldersAsync(string role);

    /// <summary>
    /// Changes every record of <paramref name="entity"/> that the OData <paramref name="filter"/> finds — at most
    /// <paramref name="max"/>, oldest first — each with the values <paramref name="valuesOf"/> gives for it, through the
    /// record service; all or none (a refusal throws <see cref="WorkflowException"/> naming the record). Answers how many.
    /// </summary>
    Task<int> UpdateRecordsAsync(string entity, string filter, int max, Func<IReadOnlyDictionary<string, object?>, IReadOnlyDictionary<string, object?>> valuesOf);

    /// <summary>
    /// The records of <paramref name="entity"/> that the OData <paramref name="filter"/> finds, at most <paramref name="max"/>,
    /// oldest first, as scripts see them (a filter that cannot be used throws <see cref="WorkflowException"/>).
    /// </summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> FindRecordsAsync(string entity, string filter, int max);

    /// <summary>
    /// Drafts a document of <paramref name="entity"/> (a purchase document declaring what it has on order) for each warehouse and supplier
    /// whose items are below their reorder level, a line per item with what to order; <paramref name="valuesOf"/> adds to each draft's
    /// values, given its group (<c>warehouse</c>, <c>supplier</c>, <c>lines</c>). All or none; answers how many were drafted.
    /// </summary>
    Task<int> ReorderAsync(string entity, Func<IReadOnlyDictionary<string, object?>, IReadOnlyDictionary<string, object?>> valuesOf);

    /// <summary>Runs a service task's action with its evaluated values; answers what goes to its result variable, or throws <see cref="WorkflowException"/>.</summary>
    Task<object?> PerformAsync(ServiceAction action, IReadOnlyDictionary<string, object?> values, IReadOnlyList<string> recipients);
}
