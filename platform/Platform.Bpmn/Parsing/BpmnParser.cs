using System.Xml;
using System.Xml.Linq;

namespace Platform.Bpmn.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML: any namespace prefix (or none), several processes and diagrams per file, the
/// encoding the file declares (UTF-8, ISO-8859-1, …). No DTDs or external entities are read. Malformed
/// XML and structural problems are reported with the element id and line.
/// </summary>
public static class BpmnParser
{
    /// <summary>Files larger than this are refused before parsing.</summary>
    public const int MaxBytes = IWorkflowDeployment.MaxFileBytes;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBytes,
        IgnoreComments = false,
    };

    public static BpmnDefinitions Parse(byte[] content)
    {
        if (content.Length > MaxBytes)
        {
            throw new BpmnException([new BpmnProblem(null, "file", $"A BPMN file has at most {MaxBytes / 1024 / 1024} MB.") { Code = BpmnProblem.TooLarge, Arguments = [$"{MaxBytes / 1024 / 1024}"] }]);
        }

        XDocument document;
        try
        {
            using var stream = new MemoryStream(content);
            using var reader = XmlReader.Create(stream, Settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new BpmnException([new BpmnProblem(null, $"line {e.LineNumber}, column {e.LinePosition}", $"Not well-formed XML: {e.Message.Split(" Line ", 2)[0]}")
            {
                // A DTD is how external entities (XXE) get in: refused as such, never read.
                Code = e.Message.Contains("DTD", StringComparison.Ordinal) ? BpmnProblem.Dtd : BpmnProblem.NotXml, Arguments = [$"{e.LineNumber}", $"{e.LinePosition}"],
            }]);
        }

        var root = document.Root!;
        if (root.Name != BpmnNamespaces.Model + "definitions")
        {
            throw new BpmnException([new Refusal(BpmnProblem.NotBpmn, $"The root element is {root.Name.LocalName} in {root.Name.NamespaceName}; a BPMN 2.0 file starts with definitions in {BpmnNamespaces.Model}.", root.Name.LocalName).At(null, Position(root))]);
        }

        var processes = root.Elements(BpmnNamespaces.Model + "process").Select(Process).ToList();
        return new BpmnDefinitions(document, (string?)root.Attribute("id"), (string?)root.Attribute("name"), processes, root.Elements(BpmnNamespaces.Diagram + "BPMNDiagram").Count());
    }

    /// <summary>The file as XML text in UTF-8, with everything that was read (extensions, foreign attributes, diagrams).</summary>
    public static byte[] Write(BpmnDefinitions definitions)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            var copy = new XDocument(definitions.Source);
            copy.Declaration = new XDeclaration("1.0", "UTF-8", definitions.Source.Declaration?.Standalone);
            copy.Save(writer);
        }

        return buffer.ToArray();
    }

    public static string Position(XElement element) =>
        ((IXmlLineInfo)element).HasLineInfo() ? $"line {((IXmlLineInfo)element).LineNumber}" : element.Name.LocalName;

    private static BpmnProcess Process(XElement process)
    {
        var (nodes, flows) = Contents(process);
        return new BpmnProcess((string?)process.Attribute("id") ?? "", (string?)process.Attribute("name"), (bool?)process.Attribute("isExecutable") ?? true, nodes, flows, process);
    }

    /// <summary>The flow nodes and sequence flows directly inside a process or sub-process.</summary>
    private static (List<BpmnNode> Nodes, List<BpmnFlow> Flows) Contents(XElement container)
    {
        var nodes = new List<BpmnNode>();
        var flows = new List<BpmnFlow>();
        foreach (var element in container.Elements().Where(e => e.Name.Namespace == BpmnNamespaces.Model))
        {
            var name = element.Name.LocalName;
            if (name == "sequenceFlow")
            {
                flows.Add(new BpmnFlow(
                    (string?)element.Attribute("id") ?? "", (string?)element.Attribute("name"),
                    (string?)element.Attribute("sourceRef") ?? "", (string?)element.Attribute("targetRef") ?? "",
                    element.Element(BpmnNamespaces.Model + "conditionExpression")?.Value.Trim() is { Length: > 0 } condition ? condition : null,
                    element));
            }
            else if (IsFlowNode(name))
            {
                var (children, childFlows) = name is "subProcess" or "transaction" or "adHocSubProcess" ? Contents(element) : ([], []);
                var eventDefinition = element.Elements().FirstOrDefault(e => e.Name.Namespace == BpmnNamespaces.Model && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal));
                nodes.Add(new BpmnNode(
                    (string?)element.Attribute("id") ?? "", (string?)element.Attribute("name"), name,
                    eventDefinition?.Name.LocalName[..^"EventDefinition".Length], (string?)element.Attribute("attachedToRef"), (string?)element.Attribute("default"),
                    children, childFlows, element));
            }
        }

        return (nodes, flows);
    }

    private static bool IsFlowNode(string name) =>
        name.EndsWith("Event", StringComparison.Ordinal) || name.EndsWith("Task", StringComparison.Ordinal) || name.EndsWith("Gateway", StringComparison.Ordinal)
        || name is "task" or "subProcess" or "transaction" or "adHocSubProcess" or "callActivity";
}
