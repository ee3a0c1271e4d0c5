using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Tasks;

/// <summary>A user task's settings: who gets it, and what rejecting it does (<c>platform:onReject</c>: end, continue, initiator or the id of an earlier task).</summary>
public sealed record UserTaskSettings(TaskAssignment Assignment, string? OnReject);
