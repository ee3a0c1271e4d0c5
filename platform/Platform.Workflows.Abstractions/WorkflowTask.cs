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

    public static string Delimited(IEnumerable<string> values) => values.Any() ? "|" + string.Join("|", values) + "|" : "";
}
