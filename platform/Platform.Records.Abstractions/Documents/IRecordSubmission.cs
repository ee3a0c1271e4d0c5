using Platform.Core.Security;

namespace Platform.Records.Documents;

/// <summary>
/// The life of a submittable document (an entity with <c>"submittable": true</c>): a draft is <b>submitted</b> — checked as any
/// save is, then read-only for everyone; a submitted one is <b>cancelled</b> — void, kept, its effects reversed; a cancelled one
/// is <b>amended</b> — copied into a new draft that points at it. Each step is one save in one transaction with what the
/// modules do on it (stock postings, fulfilment): they see the status field change in their save handlers.
/// </summary>
public interface IRecordSubmission
{
    /// <summary>Submits the draft as the person last saw it (its row version); refused when it is not a draft, the person may not submit or change it, or the save's checks refuse.</summary>
    Task<RecordResult> SubmitAsync(string entityName, Guid id, int rowVersion, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>Cancels the submitted document; refused when it is not submitted or the person may not cancel it.</summary>
    Task<RecordResult> CancelAsync(string entityName, Guid id, int rowVersion, Actor actor, CancellationToken cancellationToken = default);

    /// <summary>Copies the cancelled document (its lines included, numbers and computed values left to the new one) into a new draft; answers the new record.</summary>
    Task<RecordResult> AmendAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default);
}
