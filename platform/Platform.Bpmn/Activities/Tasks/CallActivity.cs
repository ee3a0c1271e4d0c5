using System.Xml.Linq;
using Platform.Bpmn.Runtime;
using Platform.Core.Metadata;

namespace Platform.Bpmn.Activities.Tasks;

/// <summary>Runs another deployed process and waits for it to end.</summary>
public sealed class CallActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "callActivity", ActivityCategory.Container, LocalizedText.Of("调用活动", "Call activity"), ActivityDescriptor.NoEventDefinition, Waits: true,
        [
            new("calledElement", LocalizedText.Of("被调用流程", "Called process"), PropertyEditor.Process),
        ]);

    internal override object ReadSettings(XElement element) => new CallActivitySettings((string?)element.Attribute("calledElement"));

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.CallAsync(token, node);
}
