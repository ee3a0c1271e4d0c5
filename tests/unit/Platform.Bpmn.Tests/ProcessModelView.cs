using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Platform.Bpmn.Parsing;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Tests;

/// <summary>A compiled file as tests look at it: its one process as the engine reads it, and its diagram's shapes and edges.</summary>
public sealed class ProcessModelView(string xml)
{
    private readonly XDocument _document = XDocument.Parse(xml);

    public ProcessModel Model { get; } = Parse(xml);

    public IReadOnlyList<string> Shapes() => [.. _document.Descendants(BpmnNamespaces.Diagram + "BPMNShape").Select(s => (string)s.Attribute("bpmnElement")!)];

    public IReadOnlyList<string> Edges() => [.. _document.Descendants(BpmnNamespaces.Diagram + "BPMNEdge").Select(s => (string)s.Attribute("bpmnElement")!)];

    public IReadOnlyList<string> FlowIds() => [.. _document.Descendants(BpmnNamespaces.Model + "sequenceFlow").Select(s => (string)s.Attribute("id")!)];

    public double Top(string element) =>
        double.Parse((string)_document.Descendants(BpmnNamespaces.Diagram + "BPMNShape").Single(s => (string?)s.Attribute("bpmnElement") == element)
            .Elements().Single(e => e.Name.LocalName == "Bounds").Attribute("y")!, CultureInfo.InvariantCulture);

    private static ProcessModel Parse(string xml)
    {
        var definitions = BpmnParser.Parse(Encoding.UTF8.GetBytes(xml));
        return new ProcessModel(definitions, definitions.Processes.Single());
    }
}
