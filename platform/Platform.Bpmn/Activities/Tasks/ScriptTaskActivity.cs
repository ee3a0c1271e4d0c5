using Platform.Core.Metadata;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Tasks;

/// <summary>JavaScript in the rules sandbox, setting process variables.</summary>
public sealed class ScriptTaskActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "scriptTask", ActivityCategory.Task, LocalizedText.Of("脚本任务", "Script task"), ActivityDescriptor.NoEventDefinition, Waits: false,
        [
            new("script", LocalizedText.Of("脚本", "Script"), PropertyEditor.Script),
        ]);

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.RunScriptAsync(token, node);
}
