using Platform.Bpmn.Runtime;
using Platform.Workflows;

namespace Platform.Bpmn.Tests;

/// <summary>
/// A node that fails stops its token in incident with nothing of the node half-done, and a retry
/// continues exactly where it stopped: a node's work never runs twice.
/// </summary>
public sealed class IncidentTests
{
    private static string Process(string body) => $"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
          <process id="p" isExecutable="true">{body}</process>
        </definitions>
        """;

    [Fact]
    public void A_condition_failing_after_an_action_is_retried_without_running_the_action_again()
    {
        var harness = new WorkflowHarness().Deploy(Process("""
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="create"/>
            <serviceTask id="create" platform:action="createRecord" platform:entity="customer" platform:values="{ name: 'ACME' }"/>
            <sequenceFlow id="check" sourceRef="create" targetRef="review"><conditionExpression>${record.total.toFixed(0) > 1}</conditionExpression></sequenceFlow>
            <userTask id="review" name="Review"/>
            """));

        var instance = harness.Start("p");
        Assert.True(instance.HasIncident);
        Assert.Single(harness.Performed);
        Assert.Contains("check", Assert.Single(instance.State.Tokens).Error, StringComparison.Ordinal);

        harness.Record = new Dictionary<string, object?> { ["total"] = 5m };
        Assert.True(harness.Retry(instance));

        Assert.False(instance.HasIncident);
        Assert.Single(harness.Performed);
        Assert.Equal(["Review"], harness.TaskNames(instance));
        Assert.False(harness.Retry(instance));
    }

    [Fact]
    public void A_boundary_timer_that_cannot_be_computed_opens_no_task()
    {
        var harness = new WorkflowHarness().Deploy(Process("""
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="approve"/>
            <userTask id="approve" name="Approve"/>
            <boundaryEvent id="late" attachedToRef="approve"><timerEventDefinition><timeDuration>${wait}</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f2" sourceRef="late" targetRef="e"/><endEvent id="e"/>
            """));

        var instance = harness.Start("p");

        Assert.True(instance.HasIncident);
        Assert.Empty(harness.Tasks(instance));
        Assert.Empty(instance.State.Timers);
    }

    [Fact]
    public void A_failing_completion_condition_leaves_the_multi_instance_counts_as_they_were()
    {
        var harness = new WorkflowHarness().Deploy(Process("""
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="sign"/>
            <userTask id="sign" name="Sign">
              <multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality><completionCondition>${record.quorum.valueOf() &lt;= nrOfCompletedInstances}</completionCondition></multiInstanceLoopCharacteristics>
            </userTask>
            <sequenceFlow id="f2" sourceRef="sign" targetRef="e"/><endEvent id="e"/>
            """));
        var instance = harness.Start("p");

        harness.Complete(harness.Tasks(instance)[0]);
        Assert.True(instance.HasIncident);
        var loop = instance.State.Scopes.Single(s => s.Kind == "loop");
        Assert.Equal(0m, loop.Variables["nrOfCompletedInstances"]);
        Assert.Equal(3m, loop.Variables["nrOfActiveInstances"]);

        harness.Record = new Dictionary<string, object?> { ["quorum"] = 1m };
        harness.Retry(instance);

        Assert.True(instance.Ended);
        Assert.Empty(harness.Tasks(instance));
    }

    [Fact]
    public void A_manager_step_with_no_manager_set_stops_with_a_code_people_are_told_in_their_language_and_a_retry_clears_it()
    {
        var harness = new WorkflowHarness().Deploy(Process("""
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="manager"/>
            <userTask id="manager" name="Manager approves" platform:assigneeRule="initiatorManager"/>
            """));

        var instance = harness.Start("p");

        var token = Assert.Single(instance.State.Tokens);
        Assert.Equal((TokenState.Incident, WorkflowException.NoManager), (token.State, token.ErrorCode));

        harness.Managers["initiator"] = "boss";
        Assert.True(harness.Retry(instance));
        Assert.Null(Assert.Single(instance.State.Tokens).ErrorCode);
        Assert.Equal(["Manager approves"], harness.TaskNames(instance));
    }
}
