using System.Text;
using System.Xml.Linq;
using Platform.Bpmn.Parsing;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Tests;

/// <summary>Names in several languages beside BPMN's one <c>name</c>: what each reader sees, and what the validator lets through.</summary>
public sealed class ElementNamesTests
{
    private const string Process = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="d">
          <process id="expense" name="费用报销" platform:name-en="Expense claim" platform:entity="expense_claim" isExecutable="true">
            <startEvent id="s" platform:name-en="Submitted"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="manager"/>
            <userTask id="manager" name="经理审批" platform:name-en="Manager approves" platform:name-zh-TW="經理審批"/>
            <sequenceFlow id="f2" sourceRef="manager" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;

    private static ProcessModel Model(string xml = Process)
    {
        var definitions = BpmnParser.Parse(Encoding.UTF8.GetBytes(xml));
        Assert.Empty(BpmnValidator.Validate(definitions, []));
        return new ProcessModel(definitions, definitions.Processes.Single());
    }

    [Theory]
    [InlineData("en", "Expense claim", "Manager approves")]
    [InlineData("en-GB", "Expense claim", "Manager approves")]
    [InlineData("zh-CN", "费用报销", "经理审批")]
    [InlineData("zh-TW", "费用报销", "經理審批")]
    [InlineData("fr", "费用报销", "经理审批")]
    public void Each_reader_sees_the_name_in_their_language_else_the_name_attribute(string culture, string process, string task)
    {
        var model = Model();

        Assert.Equal(process, model.NameIn(culture));
        Assert.Equal(task, model.Node("manager").LabelIn(culture));
    }

    [Fact]
    public void An_element_without_a_name_shows_its_id_and_a_name_in_English_only_shows_to_English_readers()
    {
        var names = Model().NodeNamesIn("zh-CN");

        Assert.Equal("e", names["e"]);
        Assert.Equal("s", names["s"]);
        Assert.Equal("Submitted", Model().NodeNamesIn("en")["s"]);
    }

    [Fact]
    public void The_process_names_the_entity_whose_records_are_submitted_to_it()
    {
        Assert.Equal("expense_claim", Model().Binding.Entity);
        Assert.Null(Model(Process.Replace(" platform:entity=\"expense_claim\"", "", StringComparison.Ordinal)).Binding.Entity);
    }

    [Theory]
    [InlineData("name-english")]
    [InlineData("name-")]
    [InlineData("label-en")]
    public void An_attribute_that_only_looks_like_a_name_in_a_language_is_refused(string attribute)
    {
        var definitions = BpmnParser.Parse(Encoding.UTF8.GetBytes(Process.Replace("platform:name-zh-TW=", $"platform:{attribute}=", StringComparison.Ordinal)));

        Assert.Contains(BpmnValidator.Validate(definitions, []), p => p.ElementId == "manager" && p.Message.Contains(attribute, StringComparison.Ordinal));
    }

    [Fact]
    public void The_attribute_for_a_language_is_in_our_namespace()
    {
        Assert.Equal(XName.Get("name-en", BpmnNamespaces.Platform.NamespaceName), ElementNames.AttributeFor("en"));
    }
}
