using System.Xml.Linq;
using Platform.Bpmn.Parsing;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// Multi-instance settings of an activity: one instance per item of a collection (a variable name
/// or an expression) or a number of instances, in parallel or one after the other, each seeing
/// <c>loopCounter</c> and its item under <see cref="ElementVariable"/>; the completion condition
/// (e.g. <c>nrOfCompletedInstances &gt;= 1</c> for "the first approval decides") ends it early.
/// </summary>
public sealed record LoopSettings(bool Sequential, string? Cardinality, string? Collection, string? ElementVariable, string? CompletionCondition)
{
    public static LoopSettings? Read(XElement element)
    {
        var loop = element.Element(BpmnNamespaces.Model + "multiInstanceLoopCharacteristics");
        if (loop is null)
        {
            return null;
        }

        return new LoopSettings(
            (bool?)loop.Attribute("isSequential") ?? false,
            Text(loop.Element(BpmnNamespaces.Model + "loopCardinality")),
            ModelNode.Extension(loop, "collection") ?? Text(loop.Element(BpmnNamespaces.Model + "loopDataInputRef")),
            ModelNode.Extension(loop, "elementVariable") ?? (string?)loop.Element(BpmnNamespaces.Model + "inputDataItem")?.Attribute("name"),
            Text(loop.Element(BpmnNamespaces.Model + "completionCondition")));
    }

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } text ? text : null;
}
