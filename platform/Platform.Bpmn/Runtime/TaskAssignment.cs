using System.Xml.Linq;
using Platform.Bpmn.Parsing;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// Who a user task is for: an assignee, candidate users and candidate roles (each may hold
/// <c>${…}</c> expressions), or a rule relative to the process (<c>initiatorManager</c>: the manager
/// of whoever started it; <c>ownerDepartmentManager</c>: the manager of the bound record owner's
/// department); and when it is due (an ISO-8601 duration or date, possibly an expression).
/// </summary>
public sealed record TaskAssignment(string? Assignee, string? CandidateUsers, string? CandidateRoles, string? Rule, string? DueDate)
{
    public const string InitiatorManager = "initiatorManager";
    public const string OwnerDepartmentManager = "ownerDepartmentManager";
    public const string Initiator = "initiator";

    public static TaskAssignment Read(XElement element) => new(
        ModelNode.Extension(element, "assignee") ?? Performer(element, "humanPerformer"),
        ModelNode.Extension(element, "candidateUsers"),
        ModelNode.Extension(element, "candidateGroups") ?? Performer(element, "potentialOwner"),
        ModelNode.Extension(element, "assigneeRule"),
        ModelNode.Extension(element, "dueDate"));

    /// <summary>The standard BPMN form: <c>&lt;humanPerformer&gt;&lt;resourceAssignmentExpression&gt;&lt;formalExpression&gt;kermit&lt;/…&gt;</c>.</summary>
    private static string? Performer(XElement element, string kind) =>
        element.Element(BpmnNamespaces.Model + kind)?.Descendants(BpmnNamespaces.Model + "formalExpression").FirstOrDefault()?.Value.Trim();
}
