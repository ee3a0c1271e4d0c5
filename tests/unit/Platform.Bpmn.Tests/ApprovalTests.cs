using Platform.Bpmn.Runtime;
using Platform.Workflows;

namespace Platform.Bpmn.Tests;

/// <summary>
/// What approvers do with their tasks: approve, reject with a reason, return to an earlier step or
/// to the initiator who resubmits, add a signer; countersign and or-sign of three; the initiator
/// withdrawing a request.
/// </summary>
public sealed class ApprovalTests
{
    private static string Process(string body) => $"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
          <process id="p" name="Order approval" isExecutable="true">{body}</process>
        </definitions>
        """;

    private static string TwoLevels(string managerAttributes = "", string directorAttributes = "") => Process($"""
        <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="manager"/>
        <userTask id="manager" name="Manager" camunda:assignee="zhang" {managerAttributes}/><sequenceFlow id="f2" sourceRef="manager" targetRef="director"/>
        <userTask id="director" name="Director" camunda:assignee="li" {directorAttributes}/><sequenceFlow id="f3" sourceRef="director" targetRef="e"/>
        <endEvent id="e"/>
        """);

    private static string Signers(string completion = "") => Process($$"""
        <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="sign"/>
        <userTask id="sign" name="Sign" camunda:assignee="${signer}">
          <multiInstanceLoopCharacteristics camunda:collection="signers" camunda:elementVariable="signer">{{completion}}</multiInstanceLoopCharacteristics>
        </userTask>
        <sequenceFlow id="f2" sourceRef="sign" targetRef="done"/><userTask id="done" name="Archive"/><sequenceFlow id="f3" sourceRef="done" targetRef="e"/>
        <endEvent id="e"/>
        """);

    private static Dictionary<string, object?> ThreeSigners => new() { ["signers"] = new List<object?> { "a", "b", "c" } };

    [Fact]
    public void Approving_every_level_completes_the_request()
    {
        var harness = new WorkflowHarness().Deploy(TwoLevels());
        var instance = harness.Start("p");

        harness.Approve("Manager", actor: "zhang");
        harness.Approve("Director", actor: "li");

        Assert.Equal("completed", instance.Status);
        Assert.Equal(true, instance.State.Variables[ProcessRunner.ApprovedVariable]);
    }

    [Fact]
    public void A_rejection_ends_the_request_as_rejected_with_the_reason()
    {
        var harness = new WorkflowHarness().Deploy(TwoLevels());
        var instance = harness.Start("p");
        harness.Approve("Manager", actor: "zhang");
        var director = harness.Task("Director");

        harness.Reject("Director", "Price too low", actor: "li");

        Assert.Equal("rejected", instance.Status);
        Assert.Empty(harness.Tasks(instance));
        Assert.Equal("rejected", harness.Outcomes[director.Id]);
        Assert.Equal("Price too low", instance.State.Variables[ProcessRunner.RejectReasonVariable]);
        Assert.Contains(harness.History, h => h.Event == "rejected" && h.ElementId == "director" && h.Detail == "Price too low" && h.Actor == "li");
    }

    [Fact]
    public void A_task_whose_rejection_continues_lets_the_model_route_it()
    {
        var harness = new WorkflowHarness().Deploy(Process("""
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="check"/>
            <userTask id="check" name="Check" platform:onReject="continue"/><sequenceFlow id="f2" sourceRef="check" targetRef="g"/>
            <exclusiveGateway id="g" default="no"/>
            <sequenceFlow id="yes" sourceRef="g" targetRef="ship"><conditionExpression>${approved}</conditionExpression></sequenceFlow>
            <sequenceFlow id="no" sourceRef="g" targetRef="rework"/>
            <userTask id="ship" name="Ship"/><userTask id="rework" name="Rework"/>
            """));
        var instance = harness.Start("p");

        harness.Reject("Check", "Wrong colour");

        Assert.Null(instance.Status);
        Assert.Equal(["Rework"], harness.TaskNames(instance));
    }

    [Fact]
    public void Rejecting_to_the_initiator_lets_them_resubmit_and_the_chain_runs_again()
    {
        var harness = new WorkflowHarness().Deploy(TwoLevels(directorAttributes: "platform:onReject=\"initiator\""));
        var instance = harness.Start("p");
        harness.Approve("Manager", actor: "zhang");

        harness.Reject("Director", "Add the delivery date", actor: "li");

        var resubmit = Assert.Single(harness.Tasks(instance));
        Assert.Equal("initiator", resubmit.Assignee);
        Assert.Equal("s", resubmit.ElementId);
        Assert.Equal("Order approval", resubmit.Name);
        Assert.Null(instance.Status);

        // The initiator resubmits or withdraws; rejecting or returning their own resubmission is refused.
        var selfReject = Assert.Throws<WorkflowException>(() => harness.OnTask(resubmit, (runner, id) => runner.RejectAsync(id, "no", null), "initiator"));
        Assert.Equal(WorkflowException.ResubmitOnly, selfReject.Code);
        Assert.Throws<WorkflowException>(() => harness.OnTask(resubmit, (runner, id) => runner.ReturnAsync(id, "manager", null), "initiator"));
        Assert.Same(resubmit, Assert.Single(harness.Tasks(instance)));

        harness.Complete(resubmit, new Dictionary<string, object?> { ["deliveryDate"] = "2026-04-01" });
        Assert.Equal(["Manager"], harness.TaskNames(instance));
        harness.Approve("Manager", actor: "zhang");
        harness.Approve("Director", actor: "li");
        Assert.Equal("completed", instance.Status);
        Assert.Equal("2026-04-01", instance.State.Variables["deliveryDate"]);
    }

    [Fact]
    public void Returning_to_an_earlier_task_opens_it_again_and_closes_the_current_one_as_returned()
    {
        var harness = new WorkflowHarness().Deploy(TwoLevels());
        var instance = harness.Start("p");
        harness.Approve("Manager", actor: "zhang");
        var director = harness.Task("Director");

        harness.Return("Director", "manager", actor: "li");

        Assert.Equal(["Manager"], harness.TaskNames(instance));
        Assert.Equal("zhang", harness.Task("Manager").Assignee);
        Assert.Equal("returned", harness.Outcomes[director.Id]);
        Assert.Single(instance.State.Tokens);
        harness.Approve("Manager", actor: "zhang");
        harness.Approve("Director", actor: "li");
        Assert.Equal("completed", instance.Status);
    }

    [Fact]
    public void Returning_to_a_later_or_unknown_task_is_refused_and_changes_nothing()
    {
        var harness = new WorkflowHarness().Deploy(TwoLevels());
        var instance = harness.Start("p");

        var later = Assert.Throws<WorkflowException>(() => harness.Return("Manager", "director"));
        var unknown = Assert.Throws<WorkflowException>(() => harness.Return("Manager", "nowhere"));

        Assert.Equal(WorkflowException.NoReturnTarget, later.Code);
        Assert.Contains("'nowhere'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(["Manager"], harness.TaskNames(instance));
    }

    [Fact]
    public void Returning_from_a_countersign_item_cancels_the_other_signers()
    {
        var harness = new WorkflowHarness().Deploy(Process("""
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="draft"/>
            <userTask id="draft" name="Draft"/><sequenceFlow id="f2" sourceRef="draft" targetRef="sign"/>
            <userTask id="sign" name="Sign" camunda:assignee="${signer}"><multiInstanceLoopCharacteristics camunda:collection="signers" camunda:elementVariable="signer"/></userTask>
            <sequenceFlow id="f3" sourceRef="sign" targetRef="e"/><endEvent id="e"/>
            """));
        var instance = harness.Start("p", ThreeSigners);
        harness.Complete("Draft");
        var signs = harness.TasksNamed("Sign");

        harness.OnTask(signs[1], (runner, id) => runner.ReturnAsync(id, "draft", "wrong quantities"), "b");

        Assert.Equal(["Draft"], harness.TaskNames(instance));
        Assert.All(signs, s => Assert.Contains(harness.Outcomes[s.Id], new[] { "returned", "cancelled" }));
        Assert.Single(instance.State.Tokens);
        Assert.Empty(instance.State.Scopes);
    }

    [Fact]
    public void A_countersign_of_three_completes_when_all_three_approve()
    {
        var harness = new WorkflowHarness().Deploy(Signers());
        var instance = harness.Start("p", ThreeSigners);
        var signs = harness.TasksNamed("Sign");
        Assert.Equal(["a", "b", "c"], signs.Select(t => t.Assignee));

        harness.OnTask(signs[0], (runner, id) => runner.ApproveAsync(id, null), "a");
        harness.OnTask(signs[2], (runner, id) => runner.ApproveAsync(id, null), "c");
        Assert.Equal(["Sign"], harness.TaskNames(instance));
        harness.OnTask(signs[1], (runner, id) => runner.ApproveAsync(id, null), "b");

        Assert.Equal(["Archive"], harness.TaskNames(instance));
    }

    [Fact]
    public void In_a_countersign_one_rejection_rejects_the_request_and_cancels_the_other_signers()
    {
        var harness = new WorkflowHarness().Deploy(Signers());
        var instance = harness.Start("p", ThreeSigners);
        var signs = harness.TasksNamed("Sign");
        harness.OnTask(signs[0], (runner, id) => runner.ApproveAsync(id, null), "a");

        harness.OnTask(signs[1], (runner, id) => runner.RejectAsync(id, "Not in budget", null), "b");

        Assert.Equal("rejected", instance.Status);
        Assert.Equal("cancelled", harness.Outcomes[signs[2].Id]);
        Assert.Empty(instance.State.Tokens);
    }

    [Fact]
    public void An_or_sign_of_three_completes_with_the_first_approval_and_cancels_the_rest()
    {
        var harness = new WorkflowHarness().Deploy(Signers("<completionCondition>${nrOfCompletedInstances >= 1}</completionCondition>"));
        var instance = harness.Start("p", ThreeSigners);
        var signs = harness.TasksNamed("Sign");

        harness.OnTask(signs[1], (runner, id) => runner.ApproveAsync(id, null), "b");

        Assert.Equal(["Archive"], harness.TaskNames(instance));
        Assert.Equal("approved", harness.Outcomes[signs[1].Id]);
        Assert.Equal("cancelled", harness.Outcomes[signs[0].Id]);
        Assert.Equal("cancelled", harness.Outcomes[signs[2].Id]);
    }

    [Fact]
    public void An_added_signer_must_also_approve_before_the_request_moves_on()
    {
        var harness = new WorkflowHarness().Deploy(TwoLevels());
        var instance = harness.Start("p");

        harness.AddSigner("Manager", "wang");
        var added = harness.TasksNamed("Manager").Single(t => t.Assignee == "wang");
        harness.OnTask(harness.TasksNamed("Manager").Single(t => t.Assignee == "zhang"), (runner, id) => runner.ApproveAsync(id, null), "zhang");
        Assert.Equal(["Manager"], harness.TaskNames(instance));

        harness.OnTask(added, (runner, id) => runner.ApproveAsync(id, null), "wang");
        Assert.Equal(["Director"], harness.TaskNames(instance));
        Assert.Contains(harness.History, h => h.Event == "signerAdded" && h.Detail == "wang");
    }

    [Fact]
    public void The_initiator_withdrawing_cancels_every_open_task_and_timer()
    {
        var harness = new WorkflowHarness().Deploy(Process("""
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="approve"/>
            <userTask id="approve" name="Approve"/>
            <boundaryEvent id="late" attachedToRef="approve" cancelActivity="false"><timerEventDefinition><timeDuration>P2D</timeDuration></timerEventDefinition></boundaryEvent>
            <sequenceFlow id="f2" sourceRef="late" targetRef="remind"/><userTask id="remind" name="Remind"/>
            <sequenceFlow id="f3" sourceRef="approve" targetRef="e"/><endEvent id="e"/>
            """));
        var instance = harness.Start("p");
        var approve = harness.Task("Approve");

        harness.Withdraw(instance);

        Assert.Equal("withdrawn", instance.Status);
        Assert.Empty(instance.State.Timers);
        Assert.Equal("withdrawn", harness.Outcomes[approve.Id]);
        harness.Advance(TimeSpan.FromDays(3));
        Assert.Empty(harness.Tasks(instance));
    }

    [Fact]
    public void A_reject_target_that_is_not_a_user_task_is_refused_at_deploy()
    {
        var definitions = Parsing.BpmnParser.Parse(System.Text.Encoding.UTF8.GetBytes(TwoLevels(directorAttributes: "platform:onReject=\"e\"")));

        var problem = Assert.Single(Parsing.BpmnValidator.Validate(definitions));

        Assert.Equal("director", problem.ElementId);
        Assert.Contains("onReject", problem.Message, StringComparison.Ordinal);
    }
}
