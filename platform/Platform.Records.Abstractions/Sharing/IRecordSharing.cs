using Platform.Core.Security;

namespace Platform.Records.Sharing;

/// <summary>
/// Sharing a record with a colleague or a department (read, or read and change), and handing all of a person's records to
/// another (a handover when someone leaves or changes territory). Every change is in the record's audit trail.
/// </summary>
public interface IRecordSharing
{
    /// <summary>Whom the record is shared with; null when the record does not exist or <paramref name="actor"/> may not read it.</summary>
    Task<IReadOnlyList<RecordShare>?> SharesAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>Shares the record with a person or a department (exactly one), or changes what an existing share allows.</summary>
    Task<RecordResult> ShareAsync(string entityName, Guid id, string? userId, string? departmentId, bool canEdit, Actor actor, CancellationToken cancellationToken = default);

    Task<RecordResult> UnshareAsync(string entityName, Guid id, long shareId, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// The entities whose records <paramref name="actor"/> may hand on (they may assign, or change every record), each with how many
    /// live records <paramref name="fromUserId"/> owns there, in the order of the schema; null when there is no such person.
    /// </summary>
    Task<IReadOnlyList<TransferableRecords>?> TransferableAsync(string fromUserId, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives every live record <paramref name="fromUserId"/> owns, of each entity named, to <paramref name="toUserId"/> (filed under
    /// their department), all in one transaction; answers how many records of each entity moved, or why nothing did.
    /// </summary>
    Task<RecordTransferResult> TransferAsync(string fromUserId, string toUserId, IReadOnlyList<string> entities, Actor actor, CancellationToken cancellationToken = default);
}

/// <summary>An entity whose records may be handed on, and how many the person leaving owns.</summary>
public sealed record TransferableRecords(string Entity, int Owned);

/// <summary>What a transfer moved, per entity; or, when it moved nothing, why (<see cref="Outcome"/> and <see cref="Errors"/>).</summary>
public sealed record RecordTransferResult(RecordOutcome Outcome, IReadOnlyDictionary<string, int> Moved, IReadOnlyList<RecordFieldError> Errors)
{
    public bool Succeeded => Outcome == RecordOutcome.Saved;
}
