using System.Text;
using Platform.Bpmn.Activities;
using Platform.Bpmn.Activities.Events;
using Platform.Bpmn.Activities.Gateways;
using Platform.Bpmn.Activities.Tasks;
using Platform.Bpmn.Parsing;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Tests;

/// <summary>
/// Each BPMN element kind is one class, bound to its nodes when the file is read; its descriptor is
/// what the validator accepts and what the modeler's properties panel will offer.
/// </summary>
public sealed class ActivityCatalogTests
{
    private static BpmnDefinitions Parse(string body) => BpmnParser.Parse(Encoding.UTF8.GetBytes($"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs">
          <process id="order" isExecutable="true">{body}</process>
        </definitions>
        """));

    [Fact]
    public void Every_element_kind_is_one_class_named_once_with_a_label_in_both_languages() =>
        Assert.All(ActivityCatalog.All, activity =>
        {
            Assert.Same(activity, ActivityCatalog.Find(activity.Descriptor.Element));
            Assert.False(string.IsNullOrWhiteSpace(activity.Descriptor.Label.For("zh-CN")), activity.Descriptor.Element);
            Assert.False(string.IsNullOrWhiteSpace(activity.Descriptor.Label.For("en")), activity.Descriptor.Element);
            Assert.All(activity.Descriptor.Properties.Where(p => p.Editor == PropertyEditor.Choice), p => Assert.NotEmpty(p.Choices!));
        });

    [Fact]
    public void Reading_a_file_binds_each_node_to_its_kinds_behaviour()
    {
        var definitions = Parse("""
            <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="amount"/>
            <exclusiveGateway id="amount" default="f3"/>
            <sequenceFlow id="f2" sourceRef="amount" targetRef="approve"><conditionExpression>record.total > 100</conditionExpression></sequenceFlow>
            <sequenceFlow id="f3" sourceRef="amount" targetRef="done"/>
            <userTask id="approve"/><sequenceFlow id="f4" sourceRef="approve" targetRef="done"/><endEvent id="done"/>
            """);

        var model = new ProcessModel(definitions, definitions.Processes[0]);

        Assert.IsType<ExclusiveGatewayActivity>(model.Node("amount").Activity);
        Assert.IsType<UserTaskActivity>(model.Node("approve").Activity);
        Assert.Equal("endEvent", model.Node("done").Activity!.Descriptor.Element);
    }

    [Fact]
    public void Each_kind_reads_its_own_settings_once_typed()
    {
        var definitions = Parse("""
            <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
            <userTask id="approve" camunda:assignee="alice" platform:onReject="initiator"/><sequenceFlow id="f2" sourceRef="approve" targetRef="tell"/>
            <serviceTask id="tell" platform:action="notify" platform:to="bob" platform:message="done"/><sequenceFlow id="f3" sourceRef="tell" targetRef="sum"/>
            <scriptTask id="sum"><script>execution.setVariable('n', 1)</script></scriptTask><sequenceFlow id="f4" sourceRef="sum" targetRef="end"/>
            <endEvent id="end"/>
            """);

        var model = new ProcessModel(definitions, definitions.Processes[0]);

        var approve = model.Node("approve").SettingsOf<UserTaskSettings>()!;
        Assert.Equal(("alice", "initiator"), (approve.Assignment.Assignee, approve.OnReject));
        Assert.Equal("notify", model.Node("tell").SettingsOf<ServiceTaskSettings>()!.Action.Kind);
        Assert.Equal("execution.setVariable('n', 1)", model.Node("sum").SettingsOf<ScriptTaskSettings>()!.Script);
        Assert.Null(model.Node("approve").SettingsOf<ServiceTaskSettings>());
        Assert.Null(model.Node("end").Settings);
    }

    [Fact]
    public void Event_definitions_are_read_typed_with_their_references_resolved()
    {
        var definitions = BpmnParser.Parse(Encoding.UTF8.GetBytes("""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="defs">
              <error id="e1" errorCode="CREDIT_LIMIT"/><message id="m1" name="paymentReceived"/>
              <process id="order" isExecutable="true">
                <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
                <userTask id="check"/><sequenceFlow id="f2" sourceRef="check" targetRef="pay"/>
                <boundaryEvent id="refused" attachedToRef="check"><errorEventDefinition errorRef="e1" platform:errorCodeVariable="code"/></boundaryEvent>
                <boundaryEvent id="late" attachedToRef="check"><timerEventDefinition><timeDuration>P2D</timeDuration></timerEventDefinition></boundaryEvent>
                <intermediateCatchEvent id="pay"><messageEventDefinition messageRef="m1"/></intermediateCatchEvent>
                <sequenceFlow id="f3" sourceRef="pay" targetRef="end"/><endEvent id="end"/>
              </process>
            </definitions>
            """));

        var model = new ProcessModel(definitions, definitions.Processes[0]);

        Assert.Equal(new ErrorEventSettings("CREDIT_LIMIT", "code", null), model.Node("refused").Error);
        Assert.Equal("P2D", model.Node("late").Timer!.Text);
        Assert.Equal("paymentReceived", model.Node("pay").Message!.Name);
        Assert.Null(model.Node("check").Definition);
    }

    [Fact]
    public void The_validator_accepts_exactly_the_elements_the_catalog_runs()
    {
        foreach (var activity in ActivityCatalog.All.Where(a => a.Descriptor.EventDefinitions.Contains("")))
        {
            var problems = BpmnValidator.Validate(Parse($"""<{activity.Descriptor.Element} id="x"/><startEvent id="s"/>"""));
            Assert.DoesNotContain(problems, p => p.Message.Contains("is not supported", StringComparison.Ordinal));
        }

        Assert.Contains(BpmnValidator.Validate(Parse("""<startEvent id="s"/><complexGateway id="x"/>""")), p => p.Message.Contains("complexGateway is not supported", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_platform_setting_a_descriptor_offers_is_one_the_validator_knows()
    {
        foreach (var (activity, property) in ActivityCatalog.All.SelectMany(a => a.Descriptor.Properties.Where(p => p.Name.StartsWith("platform:", StringComparison.Ordinal)).Select(p => (a, p))))
        {
            var attribute = property.Name["platform:".Length..];
            var problems = BpmnValidator.Validate(Parse($"""<startEvent id="s"/><{activity.Descriptor.Element} id="x" platform:{attribute}="1"/>"""));
            Assert.DoesNotContain(problems, p => p.Message.Contains($"platform:{attribute} is not an attribute", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Waiting_elements_are_those_a_token_stops_at() =>
        Assert.Equal(new HashSet<string> { "userTask", "intermediateCatchEvent", "callActivity", "subProcess" },
            ActivityCatalog.All.Where(a => a.Descriptor.Waits).Select(a => a.Descriptor.Element).ToHashSet());
}
