namespace Platform.Workflows.Approvals;

/// <summary>What a step of an approval's timeline is: who submitted, who decided what, what waits with whom, remarks, files, the end.</summary>
public enum TimelineKind
{
    Submitted,
    Pending,
    Decided,
    Comment,
    File,
    Incident,
    Ended,
}

/// <summary>
/// One line of the timeline as people read it: when, the step's name in their language, the people (display
/// names), what happened (an outcome or status, as a text key's last part) and the words or file that came with it.
/// </summary>
public sealed record TimelineStep(DateTimeOffset At, TimelineKind Kind, string Step, IReadOnlyList<string> People, string? What, string? Text, Guid? File = null);

/// <summary>
/// An approval request's timeline for the record form and the inbox, built from its tasks (who had each
/// step, how it ended, with which comment) and the history entries people care about (comments, files,
/// incidents, the end) — never the engine's node-by-node trail.
/// </summary>
public static class ApprovalTimeline
{
    public static List<TimelineStep> Of(WorkflowInstance instance, IReadOnlyList<WorkflowTask> tasks, IReadOnlyList<WorkflowHistoryEntry> history, ProcessLabels labels,
        IReadOnlyDictionary<string, string> people)
    {
        string Person(string id) => people.GetValueOrDefault(id, id);
        var steps = new List<TimelineStep> { new(instance.StartedAt, TimelineKind.Submitted, labels.Process, [Person(instance.Initiator)], null, null) };
        foreach (var task in tasks)
        {
            var step = labels.Elements.TryGetValue(task.ElementId, out var named) && named != task.ElementId ? named : task.Name;
            if (task.IsOpen)
            {
                steps.Add(new(task.CreatedAt, TimelineKind.Pending, step, WaitingFor(task, Person), null, null));
            }
            else if (task.CompletedBy is { } by)
            {
                steps.Add(new(task.CompletedAt ?? task.CreatedAt, TimelineKind.Decided, step, [Person(by)], task.Outcome, task.Comment));
            }
        }

        foreach (var entry in history)
        {
            switch (entry.Event)
            {
                case "commented" when entry.Detail is not null:
                    steps.Add(new(entry.At, TimelineKind.Comment, labels.Element(entry.ElementId), Who(entry, Person), null, entry.Detail));
                    break;
                case "attached" when entry.Detail?.Split(' ', 2) is [var id, var name] && Guid.TryParse(id, out var file):
                    steps.Add(new(entry.At, TimelineKind.File, labels.Element(entry.ElementId), Who(entry, Person), null, name, file));
                    break;
                case "incident":
                    steps.Add(new(entry.At, TimelineKind.Incident, labels.Element(entry.ElementId), [], null, entry.Detail));
                    break;
                case WorkflowStatus.Withdrawn or WorkflowStatus.Cancelled or WorkflowStatus.Rejected when entry.ElementId is null:
                    // A rejection's reason already stands with the decision above it.
                    var said = steps.Any(s => s.Kind == TimelineKind.Decided && s.Text == entry.Detail);
                    steps.Add(new(entry.At, TimelineKind.Ended, labels.Process, Who(entry, Person), entry.Event, said ? null : entry.Detail));
                    break;
            }
        }

        if (instance.EndedAt is { } ended && !steps.Any(s => s.Kind == TimelineKind.Ended))
        {
            steps.Add(new(ended, TimelineKind.Ended, labels.Process, [], instance.Status, null));
        }

        // Equal times keep the order above: submitted first, the end last.
        return [.. steps.Select((s, i) => (s, i)).OrderBy(p => p.s.At).ThenBy(p => p.s.Kind == TimelineKind.Ended ? 1 : 0).ThenBy(p => p.i).Select(p => p.s)];
    }

    /// <summary>The ids of everyone a timeline names, to look their display names up in one go.</summary>
    public static IEnumerable<string> PeopleIn(WorkflowInstance instance, IReadOnlyList<WorkflowTask> tasks, IReadOnlyList<WorkflowHistoryEntry> history) =>
        new[] { instance.Initiator }
            .Concat(tasks.SelectMany(t => new[] { t.Assignee, t.CompletedBy }.OfType<string>().Concat(Split(t.CandidateUsers))))
            .Concat(history.Select(h => h.Actor).OfType<string>())
            .Distinct(StringComparer.Ordinal);

    /// <summary>Whom an open task waits for: its assignee, else its candidate people, else its roles.</summary>
    public static List<string> WaitingFor(WorkflowTask task, Func<string, string> person) =>
        task.Assignee is { } assignee ? [person(assignee)] : [.. Split(task.CandidateUsers).Select(person), .. Split(task.CandidateRoles)];

    private static List<string> Who(WorkflowHistoryEntry entry, Func<string, string> person) => entry.Actor is { } actor ? [person(actor)] : [];

    private static string[] Split(string delimited) => delimited.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
