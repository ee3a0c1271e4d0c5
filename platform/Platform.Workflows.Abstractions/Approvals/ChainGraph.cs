using System.Text.Json;
using System.Xml.Linq;
using Platform.Core.Metadata;
using static Platform.Workflows.Approvals.ApprovalChainCompiler;

namespace Platform.Workflows.Approvals;

/// <summary>
/// The flow elements of a compiled chain and their places on the diagram: steps one below another,
/// branches side by side under their gateway, joined again below. Shapes and edges follow BPMN DI, so
/// any modeler draws the process as the designer shows it.
/// </summary>
internal sealed class ChainGraph
{
    private const double TaskWidth = 120, TaskHeight = 80, GatewaySize = 50, EventSize = 36, Gap = 50, ColumnWidth = 180, Top = 20;

    private readonly List<XElement> _nodes = [];
    private readonly List<XElement> _flows = [];
    private readonly Dictionary<string, (double X, double Y, double Width, double Height)> _shapes = new(StringComparer.Ordinal);
    private readonly List<(string Id, string Source, string Target)> _edges = [];
    private int _flowCount;

    public IEnumerable<XElement> Elements => _nodes.Concat(_flows);

    public void Build(ApprovalChain chain)
    {
        var center = Math.Max(Width(chain.Steps), ColumnWidth) / 2 + 40;
        Add(new XElement(Bpmn + "startEvent", new XAttribute("id", StartId), Names(LocalizedText.Of("提交", "Submitted"), StartId)), center, Top, EventSize, EventSize);
        var (last, bottom, _) = Place(chain.Steps, StartId, center, Top + EventSize + Gap, null);
        Add(new XElement(Bpmn + "endEvent", new XAttribute("id", EndId), Names(LocalizedText.Of("结束", "Done"), EndId)), center, bottom, EventSize, EventSize);
        Connect(last, EndId, null);
    }

    /// <summary>The diagram: a shape per node and an edge per flow, with waypoints that turn at right angles.</summary>
    public XElement Diagram(string processKey)
    {
        var plane = new XElement(BpmnDi + "BPMNPlane", new XAttribute("id", processKey + "_plane"), new XAttribute("bpmnElement", processKey));
        foreach (var (id, (x, y, width, height)) in _shapes)
        {
            var shape = new XElement(BpmnDi + "BPMNShape", new XAttribute("id", id + "_di"), new XAttribute("bpmnElement", id));
            if (id.EndsWith(JoinSuffix, StringComparison.Ordinal) || _nodes.Any(n => (string?)n.Attribute("id") == id && n.Name.LocalName == "exclusiveGateway"))
            {
                shape.Add(new XAttribute("isMarkerVisible", "true"));
            }

            shape.Add(Bounds(x, y, width, height));
            plane.Add(shape);
        }

        foreach (var (id, source, target) in _edges)
        {
            var (sx, sy, sw, sh) = _shapes[source];
            var (tx, ty, tw, _) = _shapes[target];
            var (from, to) = ((X: sx + sw / 2, Y: sy + sh), (X: tx + tw / 2, Y: ty));
            var edge = new XElement(BpmnDi + "BPMNEdge", new XAttribute("id", id + "_di"), new XAttribute("bpmnElement", id), Point(from.X, from.Y));
            if (Math.Abs(from.X - to.X) > 0.5)
            {
                // Out of a gateway the flow turns just below it; into a join, just above it.
                var turn = target.EndsWith(JoinSuffix, StringComparison.Ordinal) ? to.Y - Gap / 2 : from.Y + Gap / 2;
                edge.Add(Point(from.X, turn), Point(to.X, turn));
            }

            edge.Add(Point(to.X, to.Y));
            plane.Add(edge);
        }

        return new XElement(BpmnDi + "BPMNDiagram", new XAttribute("id", processKey + "_diagram"), plane);
    }

    /// <summary>
    /// Places <paramref name="steps"/> from <paramref name="top"/> down, linked from <paramref name="from"/>; the first flow
    /// carries <paramref name="first"/> (a branch's condition). With no steps, <paramref name="first"/> comes back unused:
    /// the flow that goes straight on to the join carries it.
    /// </summary>
    private (string Last, double Bottom, Action<XElement>? Unused) Place(IReadOnlyList<ApprovalStep> steps, string from, double center, double top, Action<XElement>? first)
    {
        var (last, y) = (from, top);
        foreach (var step in steps)
        {
            if (step is BranchStep branch)
            {
                (last, y) = PlaceBranch(branch, last, center, y, first);
            }
            else
            {
                Add(Element(step), center, y, TaskWidth, TaskHeight);
                Connect(last, step.Id, first);
                (last, y) = (step.Id, y + TaskHeight + Gap);
            }

            first = null;
        }

        return (last, y, first);
    }

    private (string Last, double Bottom) PlaceBranch(BranchStep branch, string from, double center, double top, Action<XElement>? first)
    {
        var join = branch.Id + JoinSuffix;
        var gateway = new XElement(Bpmn + "exclusiveGateway", new XAttribute("id", branch.Id), Names(branch.Name, branch.Id));
        Add(gateway, center, top, GatewaySize, GatewaySize);
        Connect(from, branch.Id, first);
        var columns = branch.Branches.Select(b => (Steps: (IReadOnlyList<ApprovalStep>)b.Steps, Branch: (ConditionBranch?)b)).Append((branch.Otherwise, null)).ToList();
        var widths = columns.Select(c => Math.Max(Width(c.Steps), ColumnWidth)).ToList();
        var left = center - widths.Sum() / 2;
        var columnTop = top + GatewaySize + Gap;
        var ends = new List<(string Last, Action<XElement>? Unused)>();
        var bottom = columnTop;
        foreach (var (column, index) in columns.Select((c, i) => (c, i)))
        {
            var columnCenter = left + widths.Take(index).Sum() + widths[index] / 2;
            Action<XElement> decorate = column.Branch is { } conditional
                ? flow => flow.Add(Names(conditional.Name, (string)flow.Attribute("id")!),
                    new XElement(Bpmn + "conditionExpression", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), ApprovalChainCompiler.Condition(conditional.Conditions)))
                : flow =>
                {
                    flow.Add(Names(LocalizedText.Of("其他情况", "Otherwise"), (string)flow.Attribute("id")!));
                    gateway.Add(new XAttribute("default", (string)flow.Attribute("id")!));
                };
            var (last, columnBottom, unused) = Place(column.Steps, branch.Id, columnCenter, columnTop, decorate);
            ends.Add((last, unused));
            bottom = Math.Max(bottom, columnBottom);
        }

        Add(new XElement(Bpmn + "exclusiveGateway", new XAttribute("id", join)), center, bottom, GatewaySize, GatewaySize);
        foreach (var (last, unused) in ends)
        {
            Connect(last, join, unused);
        }

        return (join, bottom + GatewaySize + Gap);
    }

    private static XElement Element(ApprovalStep step) => step switch
    {
        ApproveStep approve => Approve(approve),
        CopyStep copy => Who(new XElement(Bpmn + "serviceTask", new XAttribute("id", step.Id), Names(step.Name, step.Id),
            new XAttribute(Ours + "action", "notify"), new XAttribute(Ours + "message", "cc")), copy.Who),
        ActionStep { Action: ActionKind.SetField } set => new XElement(Bpmn + "serviceTask", new XAttribute("id", step.Id), Names(step.Name, step.Id),
            new XAttribute(Ours + "action", "updateRecord"), new XAttribute(Ours + "values", Values([set.Set!]))),
        ActionStep create => new XElement(Bpmn + "serviceTask", new XAttribute("id", step.Id), Names(step.Name, step.Id),
            new XAttribute(Ours + "action", "createRecord"), new XAttribute(Ours + "entity", create.Entity!), new XAttribute(Ours + "values", Values(create.Values))),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.GetType().Name, null),
    };

    private static XElement Approve(ApproveStep step)
    {
        var task = new XElement(Bpmn + "userTask", new XAttribute("id", step.Id), Names(step.Name, step.Id));
        if (step.Mode != SignMode.One)
        {
            // Each named person gets their own task: all must approve (countersign), or the first approval decides (or-sign).
            task.Add(new XAttribute(Camunda + "assignee", "${approver}"));
            var loop = new XElement(Bpmn + "multiInstanceLoopCharacteristics",
                new XAttribute(Camunda + "collection", "${" + JsonSerializer.Serialize(step.Who.People) + "}"), new XAttribute(Camunda + "elementVariable", "approver"));
            if (step.Mode == SignMode.Any)
            {
                loop.Add(new XElement(Bpmn + "completionCondition", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), "${nrOfCompletedInstances >= 1}"));
            }

            task.Add(loop);
        }
        else
        {
            Who(task, step.Who);
        }

        if (step.OnReject == RejectionGoesTo.Submitter)
        {
            task.Add(new XAttribute(Ours + "onReject", "initiator"));
        }

        if (step.EditableFields.Count > 0)
        {
            task.Add(new XAttribute(Ours + "editableFields", string.Join(",", step.EditableFields)));
        }

        return task;
    }

    /// <summary>Whom a task or notification is for, in the engine's attributes.</summary>
    private static XElement Who(XElement element, PeopleChoice who)
    {
        switch (who.Kind)
        {
            case PeopleKind.People when who.People.Count == 1:
                element.Add(new XAttribute(element.Name.LocalName == "userTask" ? Camunda + "assignee" : Ours + "to", who.People[0].Trim()));
                break;
            case PeopleKind.People:
                element.Add(new XAttribute(element.Name.LocalName == "userTask" ? Camunda + "candidateUsers" : Ours + "to", string.Join(",", who.People.Select(p => p.Trim()))));
                break;
            case PeopleKind.Role:
                element.Add(new XAttribute(Camunda + "candidateGroups", who.Role!.Trim()));
                break;
            case PeopleKind.Manager:
                element.Add(new XAttribute(Ours + "assigneeRule", "initiatorManager"));
                if (who.Level > 1)
                {
                    element.Add(new XAttribute(Ours + "level", who.Level));
                }

                break;
            case PeopleKind.DepartmentManager:
                element.Add(new XAttribute(Ours + "assigneeRule", "ownerDepartmentManager"));
                break;
            case PeopleKind.RoleInDepartment:
                element.Add(new XAttribute(Ours + "assigneeRule", "departmentRole"), new XAttribute(Ours + "role", who.Role!.Trim()));
                break;
            case PeopleKind.Submitter:
                element.Add(new XAttribute(Ours + "assigneeRule", "initiator"));
                break;
        }

        return element;
    }

    private void Add(XElement node, double center, double top, double width, double height)
    {
        _nodes.Add(node);
        _shapes[(string)node.Attribute("id")!] = (center - width / 2, top, width, height);
    }

    private void Connect(string source, string target, Action<XElement>? decorate)
    {
        var id = $"flow_{++_flowCount}";
        var flow = new XElement(Bpmn + "sequenceFlow", new XAttribute("id", id), new XAttribute("sourceRef", source), new XAttribute("targetRef", target));
        decorate?.Invoke(flow);
        _flows.Add(flow);
        _edges.Add((id, source, target));
    }

    /// <summary>How wide steps lay out: a task's column, or a branch's columns side by side.</summary>
    private static double Width(IEnumerable<ApprovalStep> steps) =>
        steps.Select(s => s is BranchStep branch
                ? branch.Branches.Select(b => Math.Max(Width(b.Steps), ColumnWidth)).Sum() + Math.Max(Width(branch.Otherwise), ColumnWidth)
                : ColumnWidth)
            .DefaultIfEmpty(ColumnWidth).Max();

    private static XElement Bounds(double x, double y, double width, double height) =>
        new(Dc + "Bounds", new XAttribute("x", Invariant(x)), new XAttribute("y", Invariant(y)), new XAttribute("width", Invariant(width)), new XAttribute("height", Invariant(height)));

    private static XElement Point(double x, double y) => new(Di + "waypoint", new XAttribute("x", Invariant(x)), new XAttribute("y", Invariant(y)));
}
