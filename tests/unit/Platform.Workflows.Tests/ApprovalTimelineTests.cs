using Platform.Workflows.Approvals;

namespace Platform.Workflows.Tests;

/// <summary>The timeline on a record's form reads as people speak of the request: who submitted, who decided what, what waits with whom, the end — with names, not ids.</summary>
public sealed class ApprovalTimelineTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> People = new() { ["u-alice"] = "Alice", ["u-bob"] = "Bob", ["u-carol"] = "Carol" };

    private static readonly ProcessLabels Labels = new("费用报销审批", new Dictionary<string, string> { ["manager"] = "经理审批", ["finance"] = "财务审批", ["start"] = "start" });

    [Fact]
    public void Shows_the_submitter_each_decision_with_its_comment_and_whom_the_open_step_waits_for()
    {
        var instance = Instance();
        WorkflowTask[] tasks =
        [
            new() { Id = Guid.NewGuid(), ElementId = "manager", Name = "manager", IsOpen = false, Outcome = "approved", Comment = "OK", CompletedBy = "u-bob", CreatedAt = Monday.AddMinutes(1), CompletedAt = Monday.AddMinutes(5) },
            new() { Id = Guid.NewGuid(), ElementId = "finance", Name = "finance", IsOpen = true, CandidateUsers = "|u-carol|", CandidateRoles = "|Finance|", CreatedAt = Monday.AddMinutes(5) },
        ];

        var steps = ApprovalTimeline.Of(instance, tasks, [], Labels, People);

        Assert.Equal([TimelineKind.Submitted, TimelineKind.Decided, TimelineKind.Pending], steps.Select(s => s.Kind));
        Assert.Equal(["Alice"], steps[0].People);
        Assert.Equal("费用报销审批", steps[0].Step);
        Assert.Equal(("经理审批", "approved", "OK"), (steps[1].Step, steps[1].What, steps[1].Text));
        Assert.Equal(["Bob"], steps[1].People);
        Assert.Equal("财务审批", steps[2].Step);
        Assert.Equal(["Carol", "Finance"], steps[2].People);
    }

    [Fact]
    public void A_withdrawn_request_ends_with_who_withdrew_it_and_why_once()
    {
        var instance = Instance();
        instance.Status = WorkflowStatus.Withdrawn;
        instance.EndedAt = Monday.AddHours(1);
        WorkflowHistoryEntry[] history =
        [
            new() { At = Monday, Event = "started", ElementId = "start", Actor = "u-alice" },
            new() { At = Monday, Event = "left", ElementId = "start" },
            new() { At = Monday.AddHours(1), Event = WorkflowStatus.Withdrawn, Actor = "u-alice", Detail = "wrong amount" },
        ];

        var steps = ApprovalTimeline.Of(instance, [], history, Labels, People);

        Assert.Equal([TimelineKind.Submitted, TimelineKind.Ended], steps.Select(s => s.Kind));
        Assert.Equal((WorkflowStatus.Withdrawn, "wrong amount"), (steps[1].What, steps[1].Text));
        Assert.Equal(["Alice"], steps[1].People);
    }

    [Fact]
    public void A_rejection_ends_the_timeline_without_repeating_the_reason_given_with_the_decision()
    {
        var instance = Instance();
        (instance.Status, instance.EndedAt) = (WorkflowStatus.Rejected, Monday.AddHours(2));
        WorkflowTask[] tasks = [new() { Id = Guid.NewGuid(), ElementId = "finance", IsOpen = false, Outcome = "rejected", Comment = "no receipt", CompletedBy = "u-carol", CreatedAt = Monday, CompletedAt = Monday.AddHours(2) }];
        WorkflowHistoryEntry[] history = [new() { At = Monday.AddHours(2), Event = WorkflowStatus.Rejected, Actor = "u-carol", Detail = "no receipt" }];

        var steps = ApprovalTimeline.Of(instance, tasks, history, Labels, People);

        Assert.Equal([TimelineKind.Submitted, TimelineKind.Decided, TimelineKind.Ended], steps.Select(s => s.Kind));
        Assert.Equal("no receipt", steps[1].Text);
        Assert.Null(steps[2].Text);
    }

    [Fact]
    public void Comments_files_and_incidents_appear_in_time_order_and_node_by_node_entries_do_not()
    {
        var instance = Instance();
        var file = Guid.NewGuid();
        WorkflowHistoryEntry[] history =
        [
            new() { At = Monday.AddMinutes(3), Event = "attached", ElementId = "manager", Actor = "u-bob", Detail = $"{file} quote.pdf" },
            new() { At = Monday.AddMinutes(2), Event = "commented", ElementId = "manager", Actor = "u-bob", Detail = "see the quote" },
            new() { At = Monday.AddMinutes(4), Event = "incident", ElementId = "finance", Detail = "nobody fits" },
            new() { At = Monday.AddMinutes(1), Event = "taskCreated", ElementId = "manager", Detail = "u-bob" },
        ];

        var steps = ApprovalTimeline.Of(instance, [], history, Labels, People);

        Assert.Equal([TimelineKind.Submitted, TimelineKind.Comment, TimelineKind.File, TimelineKind.Incident], steps.Select(s => s.Kind));
        Assert.Equal(("quote.pdf", file), (steps[2].Text, steps[2].File));
        Assert.Equal("经理审批", steps[1].Step);
    }

    [Fact]
    public void A_completed_request_ends_as_completed_and_names_unknown_people_by_their_id()
    {
        var instance = Instance();
        instance.Initiator = "u-gone";
        instance.Status = WorkflowStatus.Completed;
        instance.EndedAt = Monday.AddDays(1);

        var steps = ApprovalTimeline.Of(instance, [], [], Labels, People);

        Assert.Equal(["u-gone"], steps[0].People);
        Assert.Equal((TimelineKind.Ended, WorkflowStatus.Completed), (steps[^1].Kind, steps[^1].What));
    }

    private static WorkflowInstance Instance() => new()
    {
        Id = Guid.NewGuid(), ProcessKey = "expense", Initiator = "u-alice", StartedAt = Monday, Status = WorkflowStatus.Running,
    };
}
