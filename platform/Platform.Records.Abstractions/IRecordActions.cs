using Platform.Core.Security;

namespace Platform.Records;

/// <summary>Runs an entity's record actions (buttons whose script creates and changes records in one transaction).</summary>
public interface IRecordActions
{
    /// <summary>
    /// Runs the action on each record of <paramref name="ids"/> (one from a form or a row, several chosen in a list), all in one
    /// transaction: every record's script and every change they ask for hold, or none does.
    /// </summary>
    /// <param name="input">What the person filled in the action's form (its <c>inputs</c>), by input name; the script reads it as <c>input</c>.</param>
    Task<RecordActionResult> RunActionAsync(string entityName, string actionName, IReadOnlyList<Guid> ids, Actor actor,
        IReadOnlyDictionary<string, object?>? input = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which of the entity's actions the actor may run on each of these records now (holding the permission, the condition true),
    /// by record; records they may not read are left out. One read of the records for a list's page.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> OfferedAsync(string entityName, IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken = default);
}

/// <summary>
/// What an action did: <see cref="RecordOutcome.Saved"/> with how many records it created and changed and the record to open
/// next (when its script named one); or why nothing was done.
/// </summary>
public sealed record RecordActionResult(RecordOutcome Outcome, IReadOnlyList<RecordFieldError> Errors, int Created = 0, int Updated = 0, string? OpenEntity = null, Guid? OpenId = null)
{
    public bool Succeeded => Outcome == RecordOutcome.Saved;

    public static RecordActionResult Fail(RecordOutcome outcome, string message) => new(outcome, [new RecordFieldError(null, message)]);
}
