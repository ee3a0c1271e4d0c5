using Platform.Core.Metadata;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Events;

/// <summary>A milestone the path passes through.</summary>
public sealed class IntermediateThrowEventActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "intermediateThrowEvent", ActivityCategory.Event, LocalizedText.Of("中间抛出事件", "Intermediate throw event"), ActivityDescriptor.NoEventDefinition, Waits: false, []);

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.LeaveAsync(token);
}
