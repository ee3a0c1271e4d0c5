using Platform.Core.Metadata;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Tasks;

/// <summary>A part of the process with its own start and end; its boundary events watch all of it.</summary>
public sealed class SubProcessActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "subProcess", ActivityCategory.Container, LocalizedText.Of("子流程", "Sub-process"), ActivityDescriptor.NoEventDefinition, Waits: true, []);

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.EnterSubProcessAsync(token, node);
}
