using Platform.Bpmn.Activities;
using Platform.Core.Metadata;

namespace Platform.Bpmn;

/// <summary>The modeler's element kinds and settings, read from the activities' descriptors: the panel shows what the engine reads, nothing else.</summary>
public sealed class WorkflowElements : IWorkflowElements
{
    public IReadOnlyList<ModelerElement> Elements { get; } =
        [.. ActivityCatalog.All.Select(a => new ModelerElement(a.Descriptor.Element, a.Descriptor.Label,
            [.. a.Descriptor.Properties.Select(p => new ModelerSetting(p.Name, p.Label, p.Editor.ToString(), p.Choices))]))];

    public IReadOnlyList<ModelerSetting> ProcessSettings { get; } =
    [
        new("platform:entity", LocalizedText.Of("审批的实体", "Approval for entity"), "Entity"),
        new("platform:lockRecord", LocalizedText.Of("审批期间锁定记录", "Lock the record while running"), "Choice", ["true", "false"]),
        new("platform:statusField", LocalizedText.Of("状态字段", "Status field"), "Field"),
        new("platform:statusValues", LocalizedText.Of("状态取值（running:submitted, …）", "Status values (running:submitted, …)"), "Text"),
        new("platform:submitWhen", LocalizedText.Of("可提交条件（record.status === 'draft'）", "May be submitted when (record.status === 'draft')"), "Text"),
        new("platform:name-en", LocalizedText.Of("英文名称", "Name in English"), "Text"),
    ];
}
