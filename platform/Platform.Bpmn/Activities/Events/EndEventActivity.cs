using Platform.Core.Metadata;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Events;

/// <summary>Where a path ends: plainly, ending every path (terminate), or throwing an error a boundary event catches.</summary>
public sealed class EndEventActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "endEvent", ActivityCategory.Event, LocalizedText.Of("结束事件", "End event"), ["", "terminate", "error"], Waits: false,
        [
            new("errorRef", LocalizedText.Of("错误", "Error"), PropertyEditor.Text),
        ]);

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.EndAsync(token, node);
}
