using System.Xml.Linq;
using Platform.Bpmn.Parsing;
using Platform.Bpmn.Runtime;
using Platform.Core.Metadata;

namespace Platform.Bpmn.Activities.Tasks;

/// <summary>JavaScript in the rules sandbox, setting process variables.</summary>
public sealed class ScriptTaskActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "scriptTask", ActivityCategory.Task, LocalizedText.Of("脚本任务", "Script task"), ActivityDescriptor.NoEventDefinition, Waits: false,
        [
            new("script", LocalizedText.Of("脚本", "Script"), PropertyEditor.Script),
        ]);

    internal override object ReadSettings(XElement element) => new ScriptTaskSettings(element.Element(BpmnNamespaces.Model + "script")?.Value.Trim());

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.RunScriptAsync(token, node);
}
