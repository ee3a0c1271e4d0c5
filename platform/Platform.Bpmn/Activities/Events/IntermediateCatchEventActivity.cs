using Platform.Core.Metadata;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Events;

/// <summary>A wait for a time or a message.</summary>
public sealed class IntermediateCatchEventActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "intermediateCatchEvent", ActivityCategory.Event, LocalizedText.Of("中间捕获事件", "Intermediate catch event"), ["timer", "message"], Waits: true,
        [
            new("timer", LocalizedText.Of("定时", "Timer"), PropertyEditor.Duration),
            new("messageRef", LocalizedText.Of("消息", "Message"), PropertyEditor.Text),
        ]);

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.CatchAsync(token, node);
}
