namespace Platform.Workflows;

/// <summary>
/// A user task: who it is for (assignee, candidate users and roles), when it is due, and how it
/// ended (approved, rejected, completed, cancelled, interrupted) with the comment given.
/// </summary>
public sealed class WorkflowTask
{
    public Guid Id { get; set; }

    public Guid InstanceId { get; set; }

    public string ElementId { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Assignee { get; set; }

    /// <summary>Candidate users as <c>|alice|bob|</c>, so "is alice a candidate" is one LIKE.</summary>
    public string CandidateUsers { get; set; } = "";

    /// <summary>Candidate roles as <c>|Sales manager|Finance|</c>.</summary>
    public string CandidateRoles { get; set; } = "";

    public bool IsOpen { get; set; } = true;

    public string? Outcome { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletedBy { get; set; }

    /// <summary>Copied from the instance, so an inbox lists tasks without joining.</summary>
    public string ProcessKey { get; set; } = "";

    public string? Entity { get; set; }

    public Guid? RecordId { get; set; }

    /// <summary>Whether the task is for <paramref name="actor"/> in person: assigned to them, else offered to them or one of their roles, or offered to nobody in particular.</summary>
    public bool IsOfferedTo(Platform.Core.Security.Actor actor) =>
        Assignee is { } assignee
            ? assignee == actor.UserId
            : (CandidateUsers.Length == 0 && CandidateRoles.Length == 0)
              || CandidateUsers.Contains($"|{actor.UserId}|", StringComparison.Ordinal)
              || actor.RoleNames.Any(role => CandidateRoles.Contains($"|{role}|", StringComparison.Ordinal));

    public static string Delimited(IEnumerable<string> values) => values.Any() ? "|" + string.Join("|", values) + "|" : "";
}
