using System.Xml.Linq;

namespace Platform.Workflows.Runtime;

/// <summary>
/// What a service task does (<c>platform:action</c>): <c>updateRecord</c> (the bound record, with
/// <c>platform:values</c>, a JavaScript object expression), <c>createRecord</c> (<c>platform:entity</c>
/// and values; the new id goes to <c>platform:resultVariable</c>), <c>notify</c> (<c>platform:to</c>
/// users, <c>platform:message</c>). Webhooks (<c>platform:url</c>, retried) are not available yet.
/// </summary>
public sealed record ServiceAction(string? Kind, string? Entity, string? Values, string? To, string? Message, string? Url, string? ResultVariable)
{
    public const string UpdateRecord = "updateRecord";
    public const string CreateRecord = "createRecord";
    public const string Notify = "notify";
    public static readonly string[] Kinds = [UpdateRecord, CreateRecord, Notify];

    public static ServiceAction Read(XElement element) => new(
        ModelNode.Extension(element, "action"),
        ModelNode.Extension(element, "entity"),
        ModelNode.Extension(element, "values"),
        ModelNode.Extension(element, "to"),
        ModelNode.Extension(element, "message"),
        ModelNode.Extension(element, "url"),
        ModelNode.Extension(element, "resultVariable"));
}
