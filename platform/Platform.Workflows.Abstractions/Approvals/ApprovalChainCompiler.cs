using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Platform.Core.Metadata;

namespace Platform.Workflows.Approvals;

/// <summary>
/// Turns an approval chain into a BPMN 2.0 file the engine runs and modelers open: a start event, one
/// element per step (user task, notify or record service task, exclusive gateways with a join for
/// branches), an end event, and the diagram laid out top to bottom. The chain itself rides along in the
/// process's extension elements, so the designer reopens exactly what it saved.
/// </summary>
public static class ApprovalChainCompiler
{
    public const string StartId = "start";
    public const string EndId = "end";
    public const string JoinSuffix = "_join";

    internal static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    internal static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    internal static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    internal static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";
    internal static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    internal static readonly XNamespace Ours = "https://schemas.platform.local/bpmn";
    internal static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The element of the process's extension elements that holds the chain as JSON.</summary>
    internal static readonly XName ChainElement = Ours + "approvalChain";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The BPMN file of <paramref name="chain"/>; refused when <see cref="ApprovalChainCheck.Problems"/> finds any.</summary>
    public static byte[] Compile(ApprovalChain chain)
    {
        if (ApprovalChainCheck.Problems(chain) is { Count: > 0 } problems)
        {
            throw new ArgumentException($"The approval chain has problems: {string.Join("; ", problems.Select(p => $"{p.StepId} {p.Code}"))}", nameof(chain));
        }

        var document = Document(chain);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>The process element alone (no diagram), for comparing a file with what its chain compiles to.</summary>
    internal static XElement Process(ApprovalChain chain) => Document(chain).Root!.Element(Bpmn + "process")!;

    private static XDocument Document(ApprovalChain chain)
    {
        var graph = new ChainGraph();
        var process = new XElement(Bpmn + "process", new XAttribute("id", chain.Key), Names(chain.Name, chain.Key), new XAttribute("isExecutable", "true"),
            new XAttribute(Ours + "entity", chain.Entity), new XAttribute(Ours + "lockRecord", chain.LockRecord ? "true" : "false"));
        if (chain.StatusField is { Length: > 0 } status)
        {
            process.Add(new XAttribute(Ours + "statusField", status));
            var values = string.Join(", ", chain.StatusValues.Where(p => p.Value.Length > 0).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}"));
            if (values.Length > 0)
            {
                process.Add(new XAttribute(Ours + "statusValues", values));
            }
        }

        process.Add(new XElement(Bpmn + "extensionElements", new XElement(ChainElement, JsonSerializer.Serialize(chain, Json))));
        graph.Build(chain);
        process.Add(graph.Elements);
        var definitions = new XElement(Bpmn + "definitions",
            new XAttribute(XNamespace.Xmlns + "bpmn", Bpmn), new XAttribute(XNamespace.Xmlns + "bpmndi", BpmnDi),
            new XAttribute(XNamespace.Xmlns + "dc", Dc), new XAttribute(XNamespace.Xmlns + "di", Di),
            new XAttribute(XNamespace.Xmlns + "camunda", Camunda), new XAttribute(XNamespace.Xmlns + "platform", Ours),
            new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
            new XAttribute("id", chain.Key + "_definitions"), new XAttribute("targetNamespace", "https://schemas.platform.local/approvals"),
            new XAttribute("exporter", "Platform approval designer"), new XAttribute("exporterVersion", "1"),
            process, graph.Diagram(chain.Key));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), definitions);
    }

    /// <summary><c>name</c> in Chinese (else the first language given) and <c>platform:name-{culture}</c> for the other languages.</summary>
    internal static IEnumerable<XAttribute> Names(LocalizedText names, string fallback)
    {
        var given = names.Where(p => !string.IsNullOrWhiteSpace(p.Value)).OrderBy(p => p.Key == "zh-CN" ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        if (given.Count == 0)
        {
            yield return new XAttribute("name", fallback);
            yield break;
        }

        yield return new XAttribute("name", given[0].Value.Trim());
        foreach (var (culture, text) in given.Skip(1))
        {
            yield return new XAttribute(Ours + ("name-" + culture), text.Trim());
        }
    }

    /// <summary>A condition's JavaScript expression, as a BPMN condition writes it (<c>${…}</c>).</summary>
    internal static string Condition(IEnumerable<FieldCondition> conditions) =>
        "${" + string.Join(" && ", conditions.Select(Condition)) + "}";

    private static string Condition(FieldCondition condition)
    {
        var field = $"record.{condition.Field}";
        var value = ApprovalChainCheck.Literal(condition.Value, condition.ValueKind) ?? "null";
        return condition.Operator switch
        {
            ConditionOperator.Equals => $"{field} == {value}",
            ConditionOperator.NotEquals => $"{field} != {value}",
            ConditionOperator.GreaterThan => $"({field} != null && {field} > {value})",
            ConditionOperator.AtLeast => $"({field} != null && {field} >= {value})",
            ConditionOperator.LessThan => $"({field} != null && {field} < {value})",
            ConditionOperator.AtMost => $"({field} != null && {field} <= {value})",
            ConditionOperator.Contains => $"({field} == null ? '' : String({field})).includes({value})",
            ConditionOperator.IsEmpty => $"({field} == null || {field} === '' || (Array.isArray({field}) && {field}.length == 0))",
            ConditionOperator.IsNotEmpty => $"!({field} == null || {field} === '' || (Array.isArray({field}) && {field}.length == 0))",
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, null),
        };
    }

    /// <summary>Values as a JavaScript object expression: <c>{ status: "approved", source: record.id }</c>.</summary>
    internal static string Values(IEnumerable<FieldValue> values) =>
        "{ " + string.Join(", ", values.Select(v => $"{v.Field}: {(v.FromField is { Length: > 0 } from ? $"record.{from}" : ApprovalChainCheck.Literal(v.Value, v.ValueKind))}")) + " }";

    internal static string Invariant(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
