using Platform.Core.Security;

namespace Platform.Records.Merging;

/// <summary>
/// Merging two records that are the same thing entered twice (合并重复客户): one is kept, the other goes to the recycle bin.
/// The person chooses, field by field, which record's value the kept one holds; every record that pointed at the merged one
/// (a contact's customer, an order's customer — in the recycle bin too) points at the kept one instead; people it was shared
/// with keep their share on the kept one. All in one transaction, each change in the audit trail of the record it touched,
/// and each record's own history stays with it.
/// </summary>
public interface IRecordMerging
{
    /// <summary>
    /// Merges record <paramref name="mergedId"/> into <paramref name="keptId"/> (both as the person last saw them: their row
    /// versions), the kept record taking the merged one's values of <paramref name="taken"/>. Refused — nothing changed — when the
    /// two are the same record, either is deleted or unseen, the person may not change the kept one or delete the merged one, a
    /// field cannot be taken (hidden or read-only for them, computed, numbered, lines), or the kept record's save refuses.
    /// </summary>
    Task<RecordResult> MergeAsync(string entityName, Guid keptId, int keptVersion, Guid mergedId, int mergedVersion, IReadOnlyCollection<string> taken,
        Actor actor, CancellationToken cancellationToken = default);

    /// <summary>The fields whose values a merge may take from the other record, in form order (empty when none).</summary>
    Task<IReadOnlyList<string>?> TakeableAsync(string entityName, Actor actor, CancellationToken cancellationToken = default);
}
