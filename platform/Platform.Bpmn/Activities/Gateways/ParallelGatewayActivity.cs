using Platform.Core.Metadata;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Gateways;

/// <summary>Forks into every outgoing flow; as a join, waits for every incoming one.</summary>
public sealed class ParallelGatewayActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "parallelGateway", ActivityCategory.Gateway, LocalizedText.Of("并行网关", "Parallel gateway"), ActivityDescriptor.NoEventDefinition, Waits: false, []);

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.ParallelAsync(token, node);
}
