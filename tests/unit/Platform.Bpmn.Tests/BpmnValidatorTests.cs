using System.Text;
using Platform.Bpmn.Parsing;
using Platform.Workflows;

namespace Platform.Bpmn.Tests;

/// <summary>Deploying refuses what the engine cannot run, naming the element and the reason.</summary>
public sealed class BpmnValidatorTests
{
    private static IReadOnlyList<BpmnProblem> Validate(string body, string more = "") =>
        BpmnValidator.Validate(BpmnParser.Parse(Encoding.UTF8.GetBytes($"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs">
              <process id="order" isExecutable="true">{body}</process>{more}
            </definitions>
            """)));

    private const string Approval = """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="amount"/>
        <exclusiveGateway id="amount" default="small"/>
        <sequenceFlow id="big" sourceRef="amount" targetRef="director"><conditionExpression>${record.total > 50000}</conditionExpression></sequenceFlow>
        <sequenceFlow id="small" sourceRef="amount" targetRef="manager"/>
        <userTask id="director"/><userTask id="manager"/>
        <sequenceFlow id="f2" sourceRef="director" targetRef="end"/><sequenceFlow id="f3" sourceRef="manager" targetRef="end"/>
        <endEvent id="end"/>
        """;

    [Fact]
    public void A_well_formed_approval_chain_is_accepted()
    {
        Assert.Empty(Validate(Approval));
    }

    [Fact]
    public void Unsupported_elements_dangling_flows_dead_end_gateways_bad_conditions_and_missing_called_processes_are_named()
    {
        var problems = Validate("""
            <startEvent id="start"/>
            <complexGateway id="complex"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="ghost"/>
            <exclusiveGateway id="nowhere"/>
            <sequenceFlow id="bad" sourceRef="start" targetRef="nowhere"><conditionExpression>${amount > }</conditionExpression></sequenceFlow>
            <callActivity id="call" calledElement="missingProcess"/>
            <intermediateCatchEvent id="signal"><signalEventDefinition/></intermediateCatchEvent>
            """);

        var byElement = problems.ToLookup(p => p.ElementId);
        Assert.Contains(byElement["complex"], p => p.Message.Contains("not supported", StringComparison.Ordinal));
        Assert.Contains(byElement["f1"], p => p.Message.Contains("ghost", StringComparison.Ordinal));
        Assert.Contains(byElement["nowhere"], p => p.Message.Contains("no outgoing", StringComparison.Ordinal));
        Assert.Contains(byElement["bad"], p => p.Message.Contains("JavaScript", StringComparison.Ordinal));
        Assert.Contains(byElement["call"], p => p.Message.Contains("missingProcess", StringComparison.Ordinal));
        Assert.Contains(byElement["signal"], p => p.Message.Contains("signal", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.StartsWith("line ", p.Where, StringComparison.Ordinal));
    }

    [Fact]
    public void A_loop_without_a_wait_state_is_refused_and_one_through_a_user_task_is_not()
    {
        var spinning = Validate("""
            <startEvent id="start"/><sequenceFlow id="f0" sourceRef="start" targetRef="a"/>
            <exclusiveGateway id="a"/><sequenceFlow id="f1" sourceRef="a" targetRef="b"/>
            <scriptTask id="b"/><sequenceFlow id="f2" sourceRef="b" targetRef="a"/>
            """);
        var waiting = Validate("""
            <startEvent id="start"/><sequenceFlow id="f0" sourceRef="start" targetRef="a"/>
            <exclusiveGateway id="a"/><sequenceFlow id="f1" sourceRef="a" targetRef="fix"/>
            <userTask id="fix"/><sequenceFlow id="f2" sourceRef="fix" targetRef="a"/>
            """);

        Assert.Contains(spinning, p => p.Message.Contains("wait state", StringComparison.Ordinal));
        Assert.DoesNotContain(waiting, p => p.Message.Contains("wait state", StringComparison.Ordinal));
    }

    [Fact]
    public void A_call_to_a_process_of_the_same_file_is_accepted_and_a_file_without_executable_processes_is_not()
    {
        Assert.Empty(Validate("""<startEvent id="s"/><sequenceFlow id="f" sourceRef="s" targetRef="c"/><callActivity id="c" calledElement="sub"/>""",
            """<process id="sub" isExecutable="true"><startEvent id="s2"/></process>"""));
        var none = BpmnValidator.Validate(BpmnParser.Parse(Encoding.UTF8.GetBytes("""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p" isExecutable="false"/></definitions>""")));
        Assert.Contains("executable", none.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timers_scripts_actions_and_loops_that_cannot_run_are_named_at_deploy()
    {
        var problems = Validate("""
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>two days</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="calc"/>
            <scriptTask id="calc" scriptFormat="javascript"><script>var x = ;</script></scriptTask>
            <sequenceFlow id="f3" sourceRef="calc" targetRef="java"/>
            <serviceTask xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="java" camunda:class="org.example.Mailer"/>
            <sequenceFlow id="f4" sourceRef="java" targetRef="hook"/>
            <serviceTask xmlns:platform="https://schemas.platform.local/bpmn" id="hook" platform:action="ftp" platform:priority="3"/>
            <sequenceFlow id="f5" sourceRef="hook" targetRef="sign"/>
            <userTask id="sign"><multiInstanceLoopCharacteristics/></userTask>
            <sequenceFlow id="f6" sourceRef="sign" targetRef="end"/>
            <endEvent id="end"/>
            """);

        Assert.Contains(problems, p => p.ElementId == "wait" && p.Message.Contains("ISO-8601", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "calc" && p.Message.Contains("parses", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "java" && p.Message.Contains("Java", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "hook" && p.Message.Contains("'ftp'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "sign" && p.Message.Contains("loopCardinality", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "hook" && p.Message.Contains("platform:priority", StringComparison.Ordinal));

        var bound = BpmnValidator.Validate(BpmnParser.Parse(Encoding.UTF8.GetBytes("""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="d">
              <process id="p" platform:lockRecord="yes" platform:owner="x" platform:statusValues="running:pending"><startEvent id="s"/></process>
            </definitions>
            """)));
        Assert.Contains(bound, p => p.ElementId == "p" && p.Message.Contains("platform:lockRecord is 'yes'", StringComparison.Ordinal));
        Assert.Contains(bound, p => p.ElementId == "p" && p.Message.Contains("platform:owner", StringComparison.Ordinal));
    }

    [Fact]
    public void A_submit_condition_must_parse_and_needs_the_entity_it_is_asked_of()
    {
        IReadOnlyList<string> ProblemsOf(string attributes) => [.. BpmnValidator.Validate(BpmnParser.Parse(Encoding.UTF8.GetBytes($$"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="d">
              <process id="p" isExecutable="true" {{attributes}}><startEvent id="s"/></process>
            </definitions>
            """))).Where(p => p.ElementId == "p").Select(p => p.Message)];

        Assert.Empty(ProblemsOf("platform:entity=\"order\" platform:submitWhen=\"record.status === 'draft'\""));
        Assert.Contains(ProblemsOf("platform:entity=\"order\" platform:submitWhen=\"record.status ===\""), m => m.Contains("submitWhen is not JavaScript", StringComparison.Ordinal));
        Assert.Contains(ProblemsOf("platform:submitWhen=\"true\""), m => m.Contains("needs platform:entity", StringComparison.Ordinal));
    }

    [Fact]
    public void Record_triggers_that_could_not_run_are_named_at_deploy()
    {
        var problems = Validate("""
            <startEvent xmlns:platform="https://schemas.platform.local/bpmn" id="noEntity" platform:on="created"/>
            <startEvent xmlns:platform="https://schemas.platform.local/bpmn" id="badKind" platform:entity="customer" platform:on="saved"/>
            <startEvent xmlns:platform="https://schemas.platform.local/bpmn" id="badCondition" platform:entity="customer" platform:on="updated" platform:condition="record.grade =="/>
            <startEvent xmlns:platform="https://schemas.platform.local/bpmn" id="fieldsOnCreate" platform:entity="customer" platform:on="created" platform:fields="grade"/>
            <startEvent id="nightly"><timerEventDefinition><timeCycle>${when}</timeCycle></timerEventDefinition></startEvent>
            <userTask xmlns:platform="https://schemas.platform.local/bpmn" id="misplaced" platform:condition="true"/>
            """);

        Assert.Contains(problems, p => p.ElementId == "noEntity" && p.Message.Contains("platform:entity", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "badKind" && p.Message.Contains("'saved'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "badCondition" && p.Message.Contains("JavaScript", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "fieldsOnCreate" && p.Message.Contains("updated", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "nightly" && p.Message.Contains("literal", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "misplaced" && p.Message.Contains("start event", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void The_executable_processes_of_the_behaviour_suite_validate()
    {
        Fixtures.SkipUnlessPresent("bpmn-behaviour");
        var files = Fixtures.Files("bpmn-behaviour", "*.xml").Select(f => BpmnParser.Parse(File.ReadAllBytes(f))).ToList();
        var deployed = files.SelectMany(d => d.Processes.Select(p => p.Id)).ToList();
        foreach (var definitions in files)
        {
            var problems = BpmnValidator.Validate(definitions, deployed);
            // Conditions in JUEL that are not JavaScript (Camunda's own syntax) are the one expected refusal.
            Assert.All(problems, p => Assert.Contains("JavaScript", p.Message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_refusal_carries_a_code_the_modeler_words_in_the_readers_language_with_what_was_written()
    {
        var problems = Validate(
            """
            <startEvent id="start" platform:on="created"/>
            <startEvent id="timed"><timerEventDefinition><timeDuration>${later}</timeDuration></timerEventDefinition></startEvent>
            <complexGateway id="complex"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="ghost"/>
            <sequenceFlow id="f2" sourceRef="nobody" targetRef="task"/>
            <sequenceFlow id="bad" sourceRef="start" targetRef="nowhere"><conditionExpression>${amount > }</conditionExpression></sequenceFlow>
            <exclusiveGateway id="nowhere"/>
            <userTask id="task" platform:assigneeRule="boss" platform:onReject="nowhere" platform:colour="red"/>
            <userTask id="levels" platform:assigneeRule="initiator" platform:level="3"/>
            <userTask id="inDepartment" platform:assigneeRule="departmentRole"/>
            <userTask id="task"/>
            <scriptTask id="python" scriptFormat="python"><script>print(1)</script></scriptTask>
            <scriptTask id="broken"><script>let x = ;</script></scriptTask>
            <serviceTask id="values" platform:action="updateRecord" platform:values="{ total: }"/>
            <serviceTask id="java" camunda:class="com.example.Pay"/>
            <serviceTask id="ftp" platform:action="ftp"/>
            <serviceTask id="create" platform:action="createRecord"/>
            <serviceTask id="remindOfNothing" platform:action="notifyRecords" platform:entity="contact"/>
            <serviceTask id="hook" platform:action="webhook"/>
            <serviceTask id="relative" platform:action="webhook" platform:url="/orders" platform:retries="many"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition/></intermediateCatchEvent>
            <intermediateCatchEvent id="tick"><timerEventDefinition><timeDuration>soon</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <boundaryEvent id="edge" attachedToRef="ghost"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            <callActivity id="call" calledElement="missingProcess"/>
            <userTask id="many"><multiInstanceLoopCharacteristics/></userTask>
            <userTask id="misplaced" platform:condition="true"/>
            <startEvent id="noKinds" platform:entity="customer" platform:on="saved"/>
            <startEvent id="fieldsOnCreate" platform:entity="customer" platform:on="created" platform:fields="grade"/>
            """,
            """<process id="second" isExecutable="true" platform:owner="x" platform:lockRecord="yes"/>""");

        Assert.All(problems, p => Assert.False(string.IsNullOrEmpty(p.Code), $"no code: {p}"));
        var codes = problems.Select(p => (p.ElementId, p.Code)).ToHashSet();
        Assert.Superset(
            new HashSet<(string?, string?)>
            {
                ("start", BpmnProblem.TriggerNeedsEntity), ("timed", BpmnProblem.TimerStartVariable), ("complex", BpmnProblem.Unsupported),
                ("f1", BpmnProblem.FlowTargetMissing), ("f2", BpmnProblem.FlowSourceMissing), ("bad", BpmnProblem.ConditionNotExpression),
                ("nowhere", BpmnProblem.GatewayNoOutgoing), ("task", BpmnProblem.UnknownAssigneeRule), ("task", BpmnProblem.OnRejectInvalid),
                ("task", BpmnProblem.UnknownAttribute), ("task", BpmnProblem.DuplicateId), ("levels", BpmnProblem.LevelInvalid),
                ("inDepartment", BpmnProblem.DepartmentRoleNeedsRole), ("python", BpmnProblem.ScriptLanguage), ("broken", BpmnProblem.ScriptNotParsing),
                ("values", BpmnProblem.ExpressionNotParsing), ("java", BpmnProblem.JavaImplementation), ("ftp", BpmnProblem.UnknownAction),
                ("create", BpmnProblem.CreateRecordNeedsEntity), ("remindOfNothing", BpmnProblem.NotifyRecordsNeedsEntity), ("hook", BpmnProblem.WebhookNeedsUrl), ("relative", BpmnProblem.WebhookUrlInvalid),
                ("relative", BpmnProblem.WebhookSettingInvalid), ("wait", BpmnProblem.TimerMissing), ("tick", BpmnProblem.TimerInvalid),
                ("edge", BpmnProblem.BoundaryNotAttached), ("call", BpmnProblem.UnknownCalledProcess), ("many", BpmnProblem.MultiInstanceNeedsCount),
                ("misplaced", BpmnProblem.TriggerOutsideStart), ("noKinds", BpmnProblem.TriggerChangesInvalid), ("fieldsOnCreate", BpmnProblem.TriggerFieldsNeedUpdates),
                ("second", BpmnProblem.UnknownProcessAttribute), ("second", BpmnProblem.LockRecordInvalid), ("second", BpmnProblem.NoStartEvent),
            },
            codes);

        // The words the user wrote come back in the arguments, for the message in their language.
        Assert.Contains(problems, p => p.Code == BpmnProblem.UnknownAssigneeRule && p.Arguments[0] == "boss");
        Assert.Contains(problems, p => p.Code == BpmnProblem.ExpressionNotParsing && p.Arguments[3] == "{ total: }" && p.Arguments[4] == "platform:values");
        Assert.Contains(problems, p => p.Code == BpmnProblem.ConditionNotExpression && p.Arguments[3] == "amount > ");
    }
}
