using Platform.Core.Metadata;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Gateways;

/// <summary>Takes the first outgoing flow whose condition holds, else the default flow.</summary>
public sealed class ExclusiveGatewayActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "exclusiveGateway", ActivityCategory.Gateway, LocalizedText.Of("排他网关", "Exclusive gateway"), ActivityDescriptor.NoEventDefinition, Waits: false,
        [
            new("default", LocalizedText.Of("默认流向", "Default flow"), PropertyEditor.Text),
        ]);

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.ExclusiveAsync(token, node);
}
