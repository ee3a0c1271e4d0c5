using System.Xml.Linq;
using Platform.Bpmn.Parsing;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// A start event that starts the process when records of an entity change:
/// <c>platform:entity="customer" platform:on="created,updated"</c>, optionally only when one of
/// <c>platform:fields</c> changed and when the JavaScript <c>platform:condition</c> holds (it sees
/// <c>record</c>, and <c>previous</c> for updates). The instance is bound to the record.
/// </summary>
public sealed record RecordTrigger(string NodeId, string Entity, IReadOnlyList<string> On, IReadOnlyList<string> Fields, string? Condition)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";

    public static readonly string[] Changes = [Created, Updated, Deleted];

    public static RecordTrigger? Read(string nodeId, XElement startEvent)
    {
        var on = ModelNode.Extension(startEvent, "on");
        if (on is null)
        {
            return null;
        }

        return new RecordTrigger(
            nodeId,
            ModelNode.Extension(startEvent, "entity") ?? "",
            Split(on),
            Split(ModelNode.Extension(startEvent, "fields")),
            ModelNode.Extension(startEvent, "condition") is { } condition ? WorkflowCondition.Script(condition) : null);
    }

    /// <summary>Whether a change of <paramref name="kind"/> touching <paramref name="changedFields"/> concerns this trigger (before its condition is asked).</summary>
    public bool Concerns(string kind, IReadOnlyCollection<string> changedFields) =>
        On.Contains(kind) && (kind != Updated || Fields.Count == 0 || Fields.Any(f => changedFields.Contains(f, StringComparer.OrdinalIgnoreCase)));

    public Refusal? Problem()
    {
        if (Entity.Length == 0)
        {
            return new Refusal(BpmnProblem.TriggerNeedsEntity, "A start event with platform:on needs platform:entity, the entity whose records start it.");
        }

        if (On.Count == 0 || On.FirstOrDefault(o => !Changes.Contains(o)) is { } unknown && unknown is not null)
        {
            return new Refusal(BpmnProblem.TriggerChangesInvalid, $"platform:on names '{string.Join(",", On)}'; give one or more of {string.Join(", ", Changes)}.", string.Join(",", On), string.Join(", ", Changes));
        }

        if (Fields.Count > 0 && !On.Contains(Updated))
        {
            return new Refusal(BpmnProblem.TriggerFieldsNeedUpdates, "platform:fields limits updates; it needs platform:on to include updated.");
        }

        return Condition is null ? null : BpmnValidator.ExpressionProblem(NodeId, Condition, BpmnProblem.ConditionNotExpression, "The condition is not a JavaScript expression");
    }

    private static List<string> Split(string? text) => [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
