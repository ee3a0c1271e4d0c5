using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Tasks;

/// <summary>What a service task does: change or create a record, notify (whom <see cref="Recipients"/> names besides <c>platform:to</c>), or call a webhook.</summary>
public sealed record ServiceTaskSettings(ServiceAction Action, TaskAssignment Recipients);
