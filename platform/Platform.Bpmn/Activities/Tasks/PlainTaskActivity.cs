using Platform.Core.Metadata;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Tasks;

/// <summary>A step drawn for the reader that the engine passes through.</summary>
public sealed class PlainTaskActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "task", ActivityCategory.Task, LocalizedText.Of("任务", "Task"), ActivityDescriptor.NoEventDefinition, Waits: false, []);

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.LeaveAsync(token);
}
