namespace Platform.Data.Records;

/// <summary>
/// Lets another part of the platform take part in record saves without the record service knowing
/// it: refuse a person's change to a record (a record locked by an approval), and act on saved
/// changes inside the save's transaction (start the processes a change triggers) — refusing rolls
/// the whole save back.
/// </summary>
public interface IRecordChangeHook
{
    /// <summary>Why a person may not change or delete this existing record now (in their language); null when they may.</summary>
    Task<string?> RefuseAsync(string entity, Guid id, RecordActor actor, CancellationToken cancellationToken);

    /// <summary>Runs after the rows and their after-save rules, before commit; errors undo the save.</summary>
    Task<IReadOnlyList<RecordFieldError>> SavedAsync(SavedRecords change, CancellationToken cancellationToken);
}

/// <summary>Records of one entity just created, updated or deleted by one save, each with its values before (updates).</summary>
public sealed record SavedRecords(string Entity, string Kind, IReadOnlyList<ChangedRecord> Records, RecordActor Actor);

/// <summary>A saved record as the API shows it, and as it was before an update (null otherwise); the fields whose values changed.</summary>
public sealed record ChangedRecord(IReadOnlyDictionary<string, object?> Record, IReadOnlyDictionary<string, object?>? Previous, IReadOnlyList<string> ChangedFields);
