using System.Text;
using System.Xml.Linq;
using Platform.Bpmn.Parsing;

namespace Platform.Bpmn.Tests;

/// <summary>Reading BPMN files as the modelers write them, and writing them back without losing anything.</summary>
public sealed class BpmnParserTests
{
    private static BpmnDefinitions Parse(string xml, Encoding? encoding = null) => BpmnParser.Parse((encoding ?? Encoding.UTF8).GetBytes(xml));

    private static string Process(string body, string prefix = "bpmn:", string extra = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <{prefix}definitions xmlns{(prefix.Length > 0 ? ":" + prefix.TrimEnd(':') : "")}="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" {extra}>
          <{prefix}process id="order" isExecutable="true">{body.Replace("bpmn:", prefix, StringComparison.Ordinal)}</{prefix}process>
        </{prefix}definitions>
        """;

    [SkippableFact]
    public void Every_reference_model_of_the_interchange_suite_parses_and_round_trips_without_losing_anything()
    {
        Fixtures.SkipUnlessPresent("bpmn-miwg");
        var files = Fixtures.Files("bpmn-miwg", "*.bpmn").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var original = BpmnParser.Parse(File.ReadAllBytes(file));
            var again = BpmnParser.Parse(BpmnParser.Write(original));

            Assert.True(original.Processes.Count > 0, file);
            Assert.Equal(Shape(original.Source), Shape(again.Source));
            Assert.Equal(original.Processes.Sum(p => p.Nodes.Count), again.Processes.Sum(p => p.Nodes.Count));
        }
    }

    [SkippableFact]
    public void The_behaviour_suite_parses_with_its_camunda_extensions_kept()
    {
        Fixtures.SkipUnlessPresent("bpmn-behaviour");
        foreach (var file in Fixtures.Files("bpmn-behaviour", "*.xml"))
        {
            var definitions = BpmnParser.Parse(File.ReadAllBytes(file));
            var written = Encoding.UTF8.GetString(BpmnParser.Write(definitions));
            foreach (var attribute in definitions.Source.Descendants().Attributes().Where(a => a.Name.Namespace == BpmnNamespaces.Camunda))
            {
                Assert.Contains(attribute.Value, written, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("bpmn:")]
    [InlineData("semantic:")]
    [InlineData("")]
    public void Elements_are_known_by_namespace_whatever_the_prefix(string prefix)
    {
        var definitions = Parse(Process("""<bpmn:startEvent id="start"/><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve"/><bpmn:userTask id="approve" name="审批" camunda:assignee="kermit"/>""", prefix));

        var process = Assert.Single(definitions.Processes);
        Assert.Equal(["startEvent", "userTask"], process.Nodes.Select(n => n.Kind));
        Assert.Equal("审批", process.Nodes[1].Name);
        Assert.Equal(("start", "approve"), (process.Flows[0].Source, process.Flows[0].Target));
    }

    [Fact]
    public void Files_in_iso_8859_1_are_read_in_their_encoding_and_written_back_as_utf8()
    {
        var latin1 = Encoding.Latin1;
        var xml = Process("""<bpmn:startEvent id="start" name="Überprüfung"/>""").Replace("UTF-8", "ISO-8859-1", StringComparison.Ordinal);

        var definitions = Parse(xml, latin1);

        Assert.Equal("Überprüfung", definitions.Processes[0].Nodes[0].Name);
        Assert.Equal("Überprüfung", BpmnParser.Parse(BpmnParser.Write(definitions)).Processes[0].Nodes[0].Name);
    }

    [Fact]
    public void Malformed_xml_external_entities_and_other_documents_are_refused_with_where_and_why()
    {
        var malformed = Assert.Throws<BpmnException>(() => Parse("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process>"));
        Assert.Contains("line 1", malformed.Problems.Single().Where, StringComparison.Ordinal);

        var entity = Assert.Throws<BpmnException>(() => Parse("""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>"""));
        Assert.Contains("XML", entity.Problems.Single().Message, StringComparison.Ordinal);

        var other = Assert.Throws<BpmnException>(() => Parse("<html/>"));
        Assert.Contains("definitions", other.Problems.Single().Message, StringComparison.Ordinal);
    }

    /// <summary>Every element and attribute (name and value) of a document, as a sorted list: two documents with the same shape hold the same things.</summary>
    private static List<string> Shape(XDocument document) =>
        document.Descendants()
            .SelectMany(e => e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => $"{e.Name}@{a.Name}={a.Value}").Prepend($"{e.Name}:{(e.HasElements ? "" : e.Value.Trim())}"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
