using Platform.Core.Metadata;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Gateways;

/// <summary>Takes every flow whose condition holds; as a join, waits until no other token can still arrive.</summary>
public sealed class InclusiveGatewayActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "inclusiveGateway", ActivityCategory.Gateway, LocalizedText.Of("包容网关", "Inclusive gateway"), ActivityDescriptor.NoEventDefinition, Waits: false,
        [
            new("default", LocalizedText.Of("默认流向", "Default flow"), PropertyEditor.Text),
        ]);

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.InclusiveAsync(token, node);
}
