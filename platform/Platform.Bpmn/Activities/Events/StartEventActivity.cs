using Platform.Core.Metadata;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Events;

/// <summary>Where a process starts: by hand, when a record changes (platform:entity, on, fields, condition), on a timer or on a message.</summary>
public sealed class StartEventActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "startEvent", ActivityCategory.Event, LocalizedText.Of("开始事件", "Start event"), ["", "message", "timer"], Waits: false,
        [
            new("platform:entity", LocalizedText.Of("触发实体", "Trigger entity"), PropertyEditor.Entity),
            new("platform:on", LocalizedText.Of("触发时机", "Trigger on"), PropertyEditor.Choice, ["created", "updated", "deleted"]),
            new("platform:fields", LocalizedText.Of("变更字段", "Changed fields"), PropertyEditor.Fields),
            new("platform:condition", LocalizedText.Of("触发条件", "Condition"), PropertyEditor.Condition),
            new("timer", LocalizedText.Of("定时", "Timer"), PropertyEditor.Duration),
            new("messageRef", LocalizedText.Of("消息", "Message"), PropertyEditor.Text),
        ]);

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.LeaveAsync(token);
}
