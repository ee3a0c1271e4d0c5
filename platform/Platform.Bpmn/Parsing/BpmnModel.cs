using System.Xml.Linq;

namespace Platform.Bpmn.Parsing;

/// <summary>
/// A parsed BPMN 2.0 file: the XML exactly as read (so writing it back loses no foreign attribute or
/// extension element) and a typed view of its processes for validation and execution.
/// </summary>
public sealed record BpmnDefinitions(XDocument Source, string? Id, string? Name, IReadOnlyList<BpmnProcess> Processes, int Diagrams)
{
    public BpmnProcess? Process(string id) => Processes.FirstOrDefault(p => p.Id == id);
}

/// <summary>A process; executable unless it says <c>isExecutable="false"</c> (Camunda Modeler files often leave the attribute out).</summary>
public sealed record BpmnProcess(string Id, string? Name, bool IsExecutable, IReadOnlyList<BpmnNode> Nodes, IReadOnlyList<BpmnFlow> Flows, XElement Element);

/// <summary>
/// A flow node: <see cref="Kind"/> is the element's local name (<c>userTask</c>, <c>exclusiveGateway</c>…),
/// <see cref="EventKind"/> the event definition (<c>timer</c>, <c>message</c>, <c>error</c>…) for events.
/// Sub-processes hold their own nodes and flows.
/// </summary>
public sealed record BpmnNode(
    string Id, string? Name, string Kind, string? EventKind, string? AttachedTo, string? DefaultFlow,
    IReadOnlyList<BpmnNode> Nodes, IReadOnlyList<BpmnFlow> Flows, XElement Element)
{
    public string Line => BpmnParser.Position(Element);
}

public sealed record BpmnFlow(string Id, string? Name, string Source, string Target, string? Condition, XElement Element);

public sealed class BpmnException(IReadOnlyList<BpmnProblem> problems)
    : Exception(string.Join("; ", problems.Select(p => p.ToString())))
{
    public IReadOnlyList<BpmnProblem> Problems { get; } = problems;
}
