using System.Globalization;
using System.Xml.Linq;
using Platform.Bpmn.Parsing;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// Who a user task is for (or whom a notification goes to): an assignee, candidate users and candidate
/// roles (each may hold <c>${…}</c> expressions), or a rule relative to the process —
/// <c>initiator</c>; <c>initiatorManager</c>, the manager of whoever started it, or with
/// <c>platform:level="2"</c> the manager's manager and so on up the department tree;
/// <c>ownerDepartmentManager</c>, the manager of the bound record owner's department;
/// <c>departmentRole</c> with <c>platform:role="Finance"</c>, the people of the initiator's department
/// who hold that role — and when it is due (an ISO-8601 duration or date, possibly an expression).
/// </summary>
public sealed record TaskAssignment(string? Assignee, string? CandidateUsers, string? CandidateRoles, string? Rule, string? DueDate)
{
    public const string InitiatorManager = "initiatorManager";
    public const string OwnerDepartmentManager = "ownerDepartmentManager";
    public const string Initiator = "initiator";
    public const string DepartmentRole = "departmentRole";

    public static readonly string[] Rules = [Initiator, InitiatorManager, OwnerDepartmentManager, DepartmentRole];

    /// <summary>The highest manager level a rule may climb.</summary>
    public const int MostLevels = 10;

    /// <summary>For <c>initiatorManager</c>: 1 the direct manager, 2 theirs, …</summary>
    public int Level { get; init; } = 1;

    /// <summary>For <c>departmentRole</c>: the role whose holders in the initiator's department get the task.</summary>
    public string? Role { get; init; }

    public static TaskAssignment Read(XElement element) => new(
        ModelNode.Extension(element, "assignee") ?? Performer(element, "humanPerformer"),
        ModelNode.Extension(element, "candidateUsers"),
        ModelNode.Extension(element, "candidateGroups") ?? Performer(element, "potentialOwner"),
        ModelNode.Extension(element, "assigneeRule"),
        ModelNode.Extension(element, "dueDate"))
    {
        Level = int.TryParse(ModelNode.Extension(element, "level"), NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : 1,
        Role = ModelNode.Extension(element, "role"),
    };

    /// <summary>What is wrong with the rule as written; null when nothing.</summary>
    public static Refusal? Problem(XElement element)
    {
        var rule = ModelNode.Extension(element, "assigneeRule");
        if (rule is not null && !Rules.Contains(rule))
        {
            return new Refusal(BpmnProblem.UnknownAssigneeRule, $"platform:assigneeRule '{rule}' is unknown; use one of {string.Join(", ", Rules)}.", rule, string.Join(", ", Rules));
        }

        if (ModelNode.Extension(element, "level") is { } level
            && (rule != InitiatorManager || !int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > MostLevels))
        {
            return new Refusal(BpmnProblem.LevelInvalid, $"platform:level '{level}' goes with platform:assigneeRule=\"{InitiatorManager}\" and counts manager levels from 1 to {MostLevels}.", level, InitiatorManager, $"{MostLevels}");
        }

        return rule == DepartmentRole && ModelNode.Extension(element, "role") is not { Length: > 0 }
            ? new Refusal(BpmnProblem.DepartmentRoleNeedsRole, $"platform:assigneeRule=\"{DepartmentRole}\" needs platform:role, the role whose holders in the initiator's department get the task.", DepartmentRole)
            : null;
    }

    /// <summary>The standard BPMN form: <c>&lt;humanPerformer&gt;&lt;resourceAssignmentExpression&gt;&lt;formalExpression&gt;kermit&lt;/…&gt;</c>.</summary>
    private static string? Performer(XElement element, string kind) =>
        element.Element(BpmnNamespaces.Model + kind)?.Descendants(BpmnNamespaces.Model + "formalExpression").FirstOrDefault()?.Value.Trim();
}
