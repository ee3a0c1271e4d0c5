using System.Xml.Linq;
using Platform.Bpmn.Runtime;
using Platform.Core.Metadata;

namespace Platform.Bpmn.Activities.Tasks;

/// <summary>Work the platform does: change or create a record, change every record a filter finds, notify someone (or the owner of every record a filter finds), or call a webhook and wait for its answer.</summary>
public sealed class ServiceTaskActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new(
        "serviceTask", ActivityCategory.Task, LocalizedText.Of("服务任务", "Service task"), ActivityDescriptor.NoEventDefinition, Waits: false,
        [
            new("platform:action", LocalizedText.Of("动作", "Action"), PropertyEditor.Choice, ServiceAction.Kinds),
            new("platform:entity", LocalizedText.Of("实体", "Entity"), PropertyEditor.Entity),
            new("platform:filter", LocalizedText.Of("筛选条件", "Filter"), PropertyEditor.Expression),
            new("platform:values", LocalizedText.Of("字段值", "Values"), PropertyEditor.Expression),
            new("platform:resultVariable", LocalizedText.Of("结果变量", "Result variable"), PropertyEditor.Text),
            new("platform:to", LocalizedText.Of("通知对象", "Notify"), PropertyEditor.Text),
            new("camunda:candidateGroups", LocalizedText.Of("通知角色", "Notify roles"), PropertyEditor.Text),
            new("platform:assigneeRule", LocalizedText.Of("通知规则", "Notify by rule"), PropertyEditor.Choice, TaskAssignment.Rules),
            new("platform:level", LocalizedText.Of("上级层级", "Manager level"), PropertyEditor.Text),
            new("platform:role", LocalizedText.Of("部门内角色", "Role in the department"), PropertyEditor.Text),
            new("platform:message", LocalizedText.Of("消息内容", "Message"), PropertyEditor.Text),
            new("platform:message-en", LocalizedText.Of("消息内容（英文）", "Message in English"), PropertyEditor.Text),
            new("platform:link", LocalizedText.Of("消息链接", "Message links to"), PropertyEditor.Text),
            new("platform:url", LocalizedText.Of("地址", "URL"), PropertyEditor.Text),
            new("platform:method", LocalizedText.Of("请求方法", "Method"), PropertyEditor.Choice, ["GET", "POST", "PUT", "PATCH", "DELETE"]),
            new("platform:headers", LocalizedText.Of("请求头", "Headers"), PropertyEditor.Expression),
            new("platform:retries", LocalizedText.Of("重试次数", "Retries"), PropertyEditor.Text),
            new("platform:retryDelay", LocalizedText.Of("重试间隔", "Retry delay"), PropertyEditor.Duration),
            new("platform:timeout", LocalizedText.Of("超时", "Timeout"), PropertyEditor.Duration),
        ]);

    internal override object ReadSettings(XElement element) => new ServiceTaskSettings(ServiceAction.Read(element), TaskAssignment.Read(element));

    internal override Task RunAsync(ProcessRunner runner, Token token, ModelNode node) => runner.PerformAsync(token, node);
}
