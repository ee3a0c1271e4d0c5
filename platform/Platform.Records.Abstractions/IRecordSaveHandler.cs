using Platform.Core.Security;

namespace Platform.Records;

/// <summary>
/// Lets another part of the platform take part in record saves without the record service knowing
/// it (a workflow trigger, a stock posting, a duplicate check). A save runs in this order:
/// <list type="number">
/// <item>access — may the actor create, change or delete it at all; then <see cref="HoldAsync"/> of every handler (a record an approval locks; the fields a step lets its approver change);</item>
/// <item>values — each converted and checked by its field kind, files, lookups, people and lines checked against what exists;</item>
/// <item>rules — defaults, formulas, before-save scripts and validations;</item>
/// <item>inside one transaction: <see cref="SavingAsync"/> of every handler (refuse with field errors before anything is written),
/// auto-numbers drawn, rows written, the audit trail, after-save scripts, then <see cref="SavedAsync"/> of every handler;</item>
/// <item>commit — or, when any step refused, nothing at all.</item>
/// </list>
/// Handlers run by <see cref="Order"/>, lowest first.
/// </summary>
public interface IRecordSaveHandler
{
    /// <summary>Where this handler runs among the others, lowest first.</summary>
    int Order => 0;

    /// <summary>
    /// What holds this existing record against a person's change or delete now (the reason in their
    /// language, the fields they may still change); null when nothing does. A hold that lets some fields
    /// be changed lets this person change them even without the right to change the record otherwise —
    /// the step of an approval offered to them grants it. The platform's own actors are never asked about.
    /// </summary>
    Task<RecordHold?> HoldAsync(string entity, Guid id, Actor actor, CancellationToken cancellationToken) => Task.FromResult<RecordHold?>(null);

    /// <summary>Runs in the save's transaction before anything is written, with the records as they will be saved; errors refuse the save.</summary>
    Task<IReadOnlyList<RecordFieldError>> SavingAsync(SavedRecords change, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RecordFieldError>>([]);

    /// <summary>Runs after the rows and their after-save rules, before commit; errors undo the save.</summary>
    Task<IReadOnlyList<RecordFieldError>> SavedAsync(SavedRecords change, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RecordFieldError>>([]);
}

/// <summary>Records of one entity created, updated or deleted by one save, each with its values before (updates).</summary>
public sealed record SavedRecords(string Entity, string Kind, IReadOnlyList<ChangedRecord> Records, Actor Actor);

/// <summary>A record as the API shows it, and as it was before an update (null otherwise); the fields whose values changed.</summary>
public sealed record ChangedRecord(IReadOnlyDictionary<string, object?> Record, IReadOnlyDictionary<string, object?>? Previous, IReadOnlyList<string> ChangedFields);
