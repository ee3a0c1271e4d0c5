namespace Platform.Bpmn.Tests;

/// <summary>
/// The shared behaviour suite (processes from Camunda's and Flowable's own tests): each process
/// behaves as its README says. Read from ../shared/fixtures/bpmn-behaviour; skipped where absent.
/// </summary>
public sealed class BehaviourFixtureTests
{
    private static WorkflowHarness Harness(params string[] files)
    {
        Fixtures.SkipUnlessPresent("bpmn-behaviour");
        var harness = new WorkflowHarness();
        foreach (var file in files)
        {
            harness.DeployFixture(file);
        }

        return harness;
    }

    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    [SkippableTheory]
    [InlineData(1, "Task 1")]
    [InlineData(2, "Task 2")]
    [InlineData(3, "Task 3")]
    public void Diverging_exclusive_gateway_takes_exactly_the_matching_flow(int input, string task)
    {
        var harness = Harness("camunda-ExclusiveGatewayTest.testDivergingExclusiveGateway");
        var instance = harness.Start("exclusiveGwDiverging", Vars(("input", (decimal)input)));
        Assert.Equal([task], harness.TaskNames(instance));
    }

    [SkippableTheory]
    [InlineData(1, "Input is one")]
    [InlineData(5, "Default input")]
    public void Exclusive_gateway_falls_back_to_its_default_flow(int input, string task)
    {
        var harness = Harness("camunda-ExclusiveGatewayTest.testDefaultSequenceFlow");
        var instance = harness.Start("exclusiveGwDefaultSequenceFlow", Vars(("input", (decimal)input)));
        Assert.Equal([task], harness.TaskNames(instance));
    }

    [SkippableTheory]
    [InlineData("left", "task left")]
    [InlineData("right", "task right")]
    public void Script_conditions_on_flows_route_the_token(string foo, string task)
    {
        var harness = Harness("camunda-ConditionalScriptSequenceFlowTest.testScriptExpression");
        var instance = harness.Start("process", Vars(("foo", foo)));
        Assert.Equal([task], harness.TaskNames(instance));
    }

    [SkippableFact]
    public void Parallel_fork_join_waits_for_both_branches()
    {
        var harness = Harness("camunda-ParallelGatewayTest.testForkJoin");
        var instance = harness.Start("forkJoin");
        Assert.Equal(["Receive Payment", "Ship Order"], harness.TaskNames(instance));
        harness.Complete("Receive Payment");
        Assert.Equal(["Ship Order"], harness.TaskNames(instance));
        harness.Complete("Ship Order");
        Assert.Equal(["Archive Order"], harness.TaskNames(instance));
    }

    [SkippableFact]
    public void Unbalanced_fork_join_joins_each_gateway_when_its_own_branches_arrive()
    {
        var harness = Harness("camunda-ParallelGatewayTest.testUnbalancedForkJoin");
        var instance = harness.Start("UnbalancedForkJoin");
        Assert.Equal(["Task 1", "Task 2", "Task 3"], harness.TaskNames(instance));
        harness.Complete("Task 1");
        harness.Complete("Task 2");
        Assert.Equal(["Task 3", "Task 4"], harness.TaskNames(instance));
        harness.Complete("Task 3");
        Assert.False(instance.Ended);
        harness.Complete("Task 4");
        Assert.True(instance.Ended);
    }

    [SkippableTheory]
    [InlineData(1, 3)]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    public void Diverging_inclusive_gateway_activates_every_flow_whose_condition_holds(int input, int tasks)
    {
        var harness = Harness("camunda-InclusiveGatewayTest.testDivergingInclusiveGateway");
        var instance = harness.Start("inclusiveGwDiverging", Vars(("input", (decimal)input)));
        Assert.Equal(tasks, harness.Tasks(instance).Count);
    }

    [SkippableFact]
    public void Merging_inclusive_gateway_continues_once_with_all_active_branches()
    {
        var harness = Harness("camunda-InclusiveGatewayTest.testMergingInclusiveGateway");
        var instance = harness.Start("inclusiveGwMerging", Vars(("input", 2m)));
        Assert.Equal(["my task"], harness.TaskNames(instance));
    }

    [SkippableFact]
    public void Assignee_extension_assigns_the_task()
    {
        var harness = Harness("camunda-TaskAssignmentExtensionsTest.testAssigneeExtension");
        var instance = harness.Start("assigneeExtension");
        Assert.Equal("kermit", Assert.Single(harness.Tasks(instance)).Assignee);
    }

    [SkippableFact]
    public void Candidate_groups_extension_offers_the_task_to_each_group_once()
    {
        var harness = Harness("camunda-TaskAssignmentExtensionsTest.testCandidateGroupsExtension");
        var instance = harness.Start("candidateGroupsExtension");
        var task = Assert.Single(harness.Tasks(instance));
        Assert.Equal(["management", "accountancy"], task.CandidateRoles);
        Assert.Null(task.Assignee);
    }

    [SkippableFact]
    public void Interrupting_boundary_timer_replaces_the_task_after_its_duration()
    {
        var harness = Harness("camunda-BoundaryTimerEventTest.testInterruptingTimerDuration");
        var instance = harness.Start("escalationExample");
        Assert.Equal(["First line support"], harness.TaskNames(instance));
        harness.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(["First line support"], harness.TaskNames(instance));
        harness.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["Handle escalated issue"], harness.TaskNames(instance));
    }

    [SkippableFact]
    public void Non_interrupting_timers_add_escalation_tasks_while_the_task_stays()
    {
        var harness = Harness("camunda-BoundaryTimerNonInterruptingEventTest.testMultipleTimersOnUserTask");
        var instance = harness.Start("nonInterruptingTimersOnUserTask");
        harness.Advance(TimeSpan.FromHours(1));
        Assert.Equal(["Escalation Task 1", "First Task"], harness.TaskNames(instance));
        harness.Advance(TimeSpan.FromHours(1));
        Assert.Equal(["Escalation Task 1", "Escalation Task 2", "First Task"], harness.TaskNames(instance));
        foreach (var name in new[] { "First Task", "Escalation Task 1", "Escalation Task 2" })
        {
            harness.Complete(name);
        }

        Assert.True(instance.Ended);
    }

    [SkippableFact]
    public void Cycle_timer_adds_a_task_every_hour_until_the_host_task_completes()
    {
        var harness = Harness("camunda-BoundaryTimerNonInterruptingEventTest.testTimerWithCycle");
        var instance = harness.Start("nonInterruptingCycle");
        harness.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, harness.Tasks(instance).Count);
        harness.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, harness.Tasks(instance).Count);
        harness.Complete(harness.Tasks(instance).Single(t => t.ElementId == "task"));
        harness.Advance(TimeSpan.FromHours(5));
        Assert.Equal(2, harness.Tasks(instance).Count);
        Assert.Empty(instance.State.Timers);
    }

    [SkippableFact]
    public void Call_activity_runs_the_called_process_between_the_callers_tasks()
    {
        var harness = Harness("camunda-simpleSubProcess", "camunda-CallActivity.testCallSimpleSubProcess");
        var instance = harness.Start("callSimpleSubProcess");
        harness.Complete("Task before subprocess");
        Assert.Equal(["Task in subprocess"], harness.TaskNames(instance));
        harness.Complete("Task in subprocess");
        Assert.Equal(["Task after subprocess"], harness.TaskNames(instance));
        harness.Complete("Task after subprocess");
        Assert.True(instance.Ended);
    }

    [SkippableFact]
    public void Parallel_multi_instance_with_completion_condition_ends_after_three_of_five()
    {
        var harness = Harness("camunda-MultiInstanceTest.testParallelUserTasksCompletionCondition");
        var instance = harness.Start("miParallelUserTasksCompletionCondition");
        Assert.Equal(5, harness.Tasks(instance).Count);
        for (var i = 0; i < 3; i++)
        {
            harness.Complete(harness.Tasks(instance)[0]);
        }

        Assert.Empty(harness.Tasks(instance));
        Assert.True(instance.Ended);
    }

    [SkippableFact]
    public void Sequential_multi_instance_runs_one_task_at_a_time_and_stops_at_its_completion_condition()
    {
        var harness = Harness("camunda-MultiInstanceTest.sequentialUserTasks");
        var instance = harness.Start("miSequentialUserTasks", Vars(("nrOfLoops", 10m)));
        for (var i = 0; i < 5; i++)
        {
            var task = Assert.Single(harness.Tasks(instance));
            Assert.Equal($"kermit_{i}", task.Assignee);
            harness.Complete(task);
        }

        Assert.Empty(harness.Tasks(instance));
        Assert.True(instance.Ended);
    }

    [SkippableFact]
    public void Parallel_multi_instance_over_a_collection_gives_each_assignee_a_task_and_ends_at_sixty_percent()
    {
        var harness = Harness("camunda-MultiInstanceTest.testParallelUserTasksBasedOnCollection");
        var people = new List<object?> { "kermit", "gonzo", "mispiggy", "fozzie", "bubba" };
        var instance = harness.Start("miParallelUserTasksBasedOnCollection", Vars(("assigneeList", people)));
        Assert.Equal(people.Order(), harness.Tasks(instance).Select(t => (object?)t.Assignee).Order());
        Assert.Contains("My Task 0", harness.TaskNames(instance));
        for (var i = 0; i < 3; i++)
        {
            harness.Complete(harness.Tasks(instance)[0]);
        }

        Assert.True(instance.Ended);
    }

    [SkippableFact]
    public void Error_end_event_in_a_sub_process_is_caught_by_its_boundary_event()
    {
        var harness = Harness("camunda-BoundaryErrorEventTest.testCatchErrorOnEmbeddedSubprocess");
        var instance = harness.Start("boundaryErrorOnEmbeddedSubprocess");
        Assert.Equal(["subprocessTask"], harness.TaskNames(instance));
        harness.Complete("subprocessTask");
        Assert.Equal(["task after catching the error"], harness.TaskNames(instance));
        harness.Complete("task after catching the error");
        Assert.True(instance.Ended);
    }

    [SkippableFact]
    public void Caught_error_sets_its_code_variable_and_an_empty_message()
    {
        var harness = Harness("camunda-ErrorEndEventTest.testError");
        var instance = harness.Start("testError");
        Assert.Equal("123", instance.State.Variables["errorCode"]);
        Assert.True(instance.State.Variables.ContainsKey("errorMessage"));
        Assert.Null(instance.State.Variables["errorMessage"]);
        Assert.Equal(["task"], harness.TaskNames(instance));
    }

    [SkippableFact]
    public void Intermediate_message_event_waits_for_its_message()
    {
        var harness = Harness("camunda-MessageIntermediateEventTest.testSingleIntermediateMessageEvent");
        var instance = harness.Start("process");
        Assert.Empty(harness.Tasks(instance));
        Assert.False(harness.Deliver(instance, "someOtherMessage"));
        Assert.True(harness.Deliver(instance, "newInvoiceMessage"));
        Assert.Equal(["Task"], harness.TaskNames(instance));
    }

    [SkippableFact]
    public void Script_task_variables_are_stored_only_through_set_variable()
    {
        var harness = Harness("flowable-ScriptTaskTest.testAutoStoreVariables");
        var instance = harness.Start("testAutoStoreVariables", Vars(("a", 20m), ("b", 22m)));
        Assert.False(instance.State.Variables.ContainsKey("sum"));
        harness.Complete(harness.Tasks(instance)[0]);
        Assert.Equal(42m, instance.State.Variables["sum"]);
    }

    [SkippableFact]
    public void Script_error_at_start_reports_the_script_failure_as_an_incident()
    {
        var harness = Harness("flowable-ScriptTaskTest.testErrorInScriptJavaScript");
        var instance = harness.Start("testErrorInScript");
        Assert.True(instance.HasIncident);
        var token = Assert.Single(instance.State.Tokens);
        Assert.Equal("theScriptTaskWithJavaScript", token.NodeId);
        Assert.Contains("substring", token.Error, StringComparison.Ordinal);
        Assert.False(instance.Ended);
    }
}
