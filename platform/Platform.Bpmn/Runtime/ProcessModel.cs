using System.Xml.Linq;
using Platform.Bpmn.Parsing;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// A deployed process made ready to run: every node (sub-process contents included) by id with
/// its flows, the scope it sits in, boundary events by the activity they are attached to, and each
/// activity's settings read once from the XML.
/// </summary>
public sealed class ProcessModel
{
    private readonly Dictionary<string, ModelNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _reaches = new(StringComparer.Ordinal);

    public ProcessModel(BpmnDefinitions definitions, BpmnProcess process)
    {
        Key = process.Id;
        Name = process.Name;
        Names = ElementNames.Read(process.Element);
        var errors = definitions.Source.Root!.Elements(BpmnNamespaces.Model + "error")
            .Where(e => e.Attribute("id") is not null)
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string?)e.Attribute("errorCode") ?? (string)e.Attribute("id")!, StringComparer.Ordinal);
        var messages = definitions.Source.Root!.Elements(BpmnNamespaces.Model + "message")
            .Where(e => e.Attribute("id") is not null)
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string?)e.Attribute("name") ?? (string)e.Attribute("id")!, StringComparer.Ordinal);
        Add(process.Nodes, process.Flows, null, errors, messages);
        Binding = RecordBinding.Read(process.Element);
        Triggers = [.. process.Nodes.Where(n => n.Kind == "startEvent").Select(n => RecordTrigger.Read(n.Id, n.Element)).OfType<RecordTrigger>()];
    }

    /// <summary>Whether the bound record is locked and which field shows the request's status.</summary>
    public RecordBinding Binding { get; }

    /// <summary>Start events that record changes fire.</summary>
    public IReadOnlyList<RecordTrigger> Triggers { get; }

    /// <summary>Timer start events of the process level (a nightly job).</summary>
    public IEnumerable<ModelNode> TimerStarts => _nodes.Values.Where(n => n.Scope is null && n.Kind == "startEvent" && n.Timer is not null);

    /// <summary>Message start events of the process level: a message with that name starts an instance there.</summary>
    public IEnumerable<ModelNode> MessageStarts => _nodes.Values.Where(n => n.Scope is null && n.Kind == "startEvent" && n.EventKind == "message");

    public string Key { get; }

    public string? Name { get; }

    /// <summary>The process name in each language.</summary>
    public ElementNames Names { get; }

    /// <summary>The process as people reading <paramref name="culture"/> call it: its name in that language, else its key.</summary>
    public string NameIn(string culture) => Names.For(culture) ?? Key;

    /// <summary>Every node's name in <paramref name="culture"/> (its id when it has none), by id.</summary>
    public IReadOnlyDictionary<string, string> NodeNamesIn(string culture) => _nodes.Values.ToDictionary(n => n.Id, n => n.LabelIn(culture), StringComparer.Ordinal);

    public IEnumerable<ModelNode> Nodes => _nodes.Values;

    public ModelNode Node(string id) => _nodes.TryGetValue(id, out var node) ? node : throw new WorkflowException($"The process {Key} has no element '{id}'.");

    public bool Has(string id) => _nodes.ContainsKey(id);

    /// <summary>The none start event of a scope (the process when <paramref name="scope"/> is null).</summary>
    public ModelNode? StartOf(string? scope) =>
        _nodes.Values.Where(n => n.Scope == scope && n.Kind == "startEvent").OrderBy(n => n.EventKind is null ? 0 : 1).FirstOrDefault();

    /// <summary>Whether a token at <paramref name="from"/> can still arrive at <paramref name="to"/> by following flows (inclusive joins wait for those).</summary>
    public bool CanReach(string from, string to)
    {
        if (!_reaches.TryGetValue(from, out var reached))
        {
            reached = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>([from]);
            while (pending.TryPop(out var id))
            {
                var node = _nodes[id];
                foreach (var next in node.Outgoing.Select(f => f.Target).Concat(node.Boundaries.Select(b => b.Id)))
                {
                    if (reached.Add(next))
                    {
                        pending.Push(next);
                    }
                }
            }

            lock (_reaches)
            {
                _reaches[from] = reached;
            }
        }

        return reached.Contains(to);
    }

    private void Add(IReadOnlyList<BpmnNode> nodes, IReadOnlyList<BpmnFlow> flows, string? scope, Dictionary<string, string> errors, Dictionary<string, string> messages)
    {
        foreach (var node in nodes)
        {
            _nodes[node.Id] = new ModelNode(node, scope, errors, messages);
        }

        foreach (var flow in flows)
        {
            var model = new ModelFlow(flow.Id, flow.Source, flow.Target, flow.Condition is null ? null : WorkflowCondition.Script(flow.Condition));
            _nodes[flow.Source].Outgoing.Add(model);
            _nodes[flow.Target].Incoming.Add(model);
        }

        foreach (var node in nodes)
        {
            if (node.AttachedTo is { } host)
            {
                _nodes[host].Boundaries.Add(_nodes[node.Id]);
            }

            if (node.Nodes.Count > 0)
            {
                Add(node.Nodes, node.Flows, node.Id, errors, messages);
            }
        }
    }
}

/// <summary>A sequence flow: its condition is a JavaScript expression (<c>${…}</c> already unwrapped).</summary>
public sealed record ModelFlow(string Id, string Source, string Target, string? Condition);
