using System.Xml.Linq;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// What a service task does (<c>platform:action</c>): <c>updateRecord</c> (the bound record, with
/// <c>platform:values</c>, a JavaScript object expression), <c>createRecord</c> (<c>platform:entity</c>
/// and values; the new id goes to <c>platform:resultVariable</c>), <c>notify</c> (<c>platform:to</c>
/// users, <c>platform:message</c>; with <c>platform:message-en</c> said in the reader's language instead of as a copy of the request), <c>webhook</c> (<c>platform:url</c>, the values as a JSON body,
/// <c>platform:headers</c>; delivered after the step commits and retried — see <see cref="WebhookSettings"/>;
/// the answer's status and body go to the result variable), <c>updateRecords</c> (every record of
/// <c>platform:entity</c> that <c>platform:filter</c> — an expression giving an OData filter — finds, at most
/// <see cref="MaxUpdated"/> a run, oldest first, each with the values computed for it as <c>record</c>; all or
/// none; the number changed goes to the result variable), <c>notifyRecords</c> (every record the filter finds, at most
/// <see cref="MaxUpdated"/> a run: its owner and the people of <c>platform:to</c> are told <c>platform:message</c> — filled
/// with the record as <c>record</c>, in English <c>platform:message-en</c> — with a link to it; the number of records to the
/// result variable: the CRM's birthday reminders), <c>submitRecord</c> and <c>cancelRecord</c> (the bound document submitted or
/// cancelled, as its Submit and Cancel buttons do: an approved purchase order is submitted), <c>reorder</c> (a draft of <c>platform:entity</c> — a
/// purchase document declaring what it has on order — for every warehouse and supplier whose items' projected stock is below their reorder
/// level, with a line per item; <c>platform:values</c> adds to each, computed with the draft's <c>group</c>; the number drafted to the result variable).
/// </summary>
public sealed record ServiceAction(string? Kind, string? Entity, string? Values, string? To, string? Message, string? Url, string? ResultVariable)
{
    public const string UpdateRecord = "updateRecord";
    public const string CreateRecord = "createRecord";
    public const string Notify = "notify";
    public const string Webhook = "webhook";
    public const string UpdateRecords = "updateRecords";
    public const string NotifyRecords = "notifyRecords";

    /// <summary>Submits the bound document (a submittable entity's draft) — its postings and fulfilment in the step's transaction.</summary>
    public const string SubmitRecord = "submitRecord";

    /// <summary>Cancels the bound submitted document.</summary>
    public const string CancelRecord = "cancelRecord";

    /// <summary>Drafts purchase documents for the stock below its reorder levels (see <c>stock.item.reorder</c>).</summary>
    public const string Reorder = "reorder";
    public static readonly string[] Kinds = [UpdateRecord, CreateRecord, Notify, Webhook, UpdateRecords, NotifyRecords, SubmitRecord, CancelRecord, Reorder];

    /// <summary>The most records one <c>updateRecords</c> or <c>notifyRecords</c> run changes or tells of (in one transaction); the rest wait for the next run.</summary>
    public const int MaxUpdated = 1000;

    /// <summary>For <c>updateRecords</c>: an expression giving the OData filter of the records to change.</summary>
    public string? Filter { get; init; }

    public string? Method { get; init; }

    /// <summary>The message in English (<c>platform:message-en</c>), where it differs; <see cref="Message"/> is the Chinese and the default.</summary>
    public string? MessageEn { get; init; }

    /// <summary>Where a notice said in both languages leads (<c>platform:link</c>, e.g. <c>/records/purchase_order</c>); the bound record when none.</summary>
    public string? Link { get; init; }

    /// <summary>A JavaScript object expression of extra request headers, e.g. <c>{ Authorization: 'Bearer ' + vars.token }</c>.</summary>
    public string? Headers { get; init; }

    public string? Retries { get; init; }

    public string? RetryDelay { get; init; }

    public string? Timeout { get; init; }

    public static ServiceAction Read(XElement element) => new(
        ModelNode.Extension(element, "action"),
        ModelNode.Extension(element, "entity"),
        ModelNode.Extension(element, "values"),
        ModelNode.Extension(element, "to"),
        ModelNode.Extension(element, "message"),
        ModelNode.Extension(element, "url"),
        ModelNode.Extension(element, "resultVariable"))
    {
        Method = ModelNode.Extension(element, "method"),
        Headers = ModelNode.Extension(element, "headers"),
        Retries = ModelNode.Extension(element, "retries"),
        RetryDelay = ModelNode.Extension(element, "retryDelay"),
        Timeout = ModelNode.Extension(element, "timeout"),
        Filter = ModelNode.Extension(element, "filter"),
        MessageEn = ModelNode.Extension(element, "message-en"),
        Link = ModelNode.Extension(element, "link"),
    };
}
