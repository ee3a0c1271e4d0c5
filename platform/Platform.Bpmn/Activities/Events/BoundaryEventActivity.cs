using Platform.Core.Metadata;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Events;

/// <summary>A timer or an error on an activity's edge (its path starts when it fires).</summary>
public sealed class BoundaryEventActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "boundaryEvent", ActivityCategory.Event, LocalizedText.Of("边界事件", "Boundary event"), ["timer", "error"], Waits: false,
        [
            new("cancelActivity", LocalizedText.Of("中断活动", "Interrupts the activity"), PropertyEditor.Choice, ["true", "false"]),
            new("timer", LocalizedText.Of("定时", "Timer"), PropertyEditor.Duration),
            new("errorRef", LocalizedText.Of("错误", "Error"), PropertyEditor.Text),
            new("platform:errorCodeVariable", LocalizedText.Of("错误码变量", "Error code variable"), PropertyEditor.Text),
            new("platform:errorMessageVariable", LocalizedText.Of("错误信息变量", "Error message variable"), PropertyEditor.Text),
        ]);

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.LeaveAsync(token);
}
