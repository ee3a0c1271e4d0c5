using System.Xml.Linq;
using Platform.Bpmn.Runtime;
using Platform.Core.Metadata;

namespace Platform.Bpmn.Activities.Tasks;

/// <summary>A task for a person (an approval step): it waits until they complete, approve, reject or return it.</summary>
public sealed class UserTaskActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "userTask", ActivityCategory.Task, LocalizedText.Of("用户任务", "User task"), ActivityDescriptor.NoEventDefinition, Waits: true,
        [
            new("camunda:assignee", LocalizedText.Of("处理人", "Assignee"), PropertyEditor.Text),
            new("camunda:candidateUsers", LocalizedText.Of("候选人", "Candidate users"), PropertyEditor.Text),
            new("camunda:candidateGroups", LocalizedText.Of("候选角色", "Candidate roles"), PropertyEditor.Text),
            new("camunda:dueDate", LocalizedText.Of("到期", "Due"), PropertyEditor.Duration),
            new("platform:assigneeRule", LocalizedText.Of("处理人规则", "Assignee rule"), PropertyEditor.Choice, TaskAssignment.Rules),
            new("platform:level", LocalizedText.Of("上级层级", "Manager level"), PropertyEditor.Text),
            new("platform:role", LocalizedText.Of("部门内角色", "Role in the department"), PropertyEditor.Text),
            new("platform:onReject", LocalizedText.Of("驳回后", "On reject"), PropertyEditor.Text),
            new("platform:editableFields", LocalizedText.Of("审批人可修改的字段", "Fields the approver may change"), PropertyEditor.Fields),
        ]);

    internal override object ReadSettings(XElement element) => new UserTaskSettings(TaskAssignment.Read(element), ModelNode.Extension(element, "onReject"))
    {
        EditableFields = UserTaskSettings.FieldList(ModelNode.Extension(element, "editableFields")),
    };

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.OpenTaskAsync(token, node);
}
