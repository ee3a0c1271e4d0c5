using System.Xml.Linq;
using Platform.Bpmn.Parsing;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// How a process treats the record it is bound to (attributes of the process element):
/// <c>platform:lockRecord="true"</c> — people may not change or delete it while the request runs
/// (the workflow's own actions still may, and the initiator may again once it is returned to them);
/// <c>platform:statusField="approval_status"</c> — the field follows the request: running, returned,
/// completed, rejected, withdrawn, cancelled, or the values <c>platform:statusValues</c> maps these to
/// (<c>running:pending, completed:approved</c>);
/// <c>platform:entity="sales_order"</c> — an approval for records of that entity: their form offers
/// "submit for approval" with this process; <c>platform:submitWhen="record.status === 'draft'"</c> — only while the
/// record meets the condition (an approved order is not submitted again).
/// </summary>
public sealed record RecordBinding(bool LockRecord, string? StatusField, IReadOnlyDictionary<string, string> StatusValues, string? Entity = null, string? SubmitWhen = null)
{
    public static readonly string[] Statuses = ["running", "returned", "completed", "rejected", "withdrawn", "cancelled"];

    public static RecordBinding Read(XElement process)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (ModelNode.Extension(process, "statusValues") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
            {
                values[parts[0]] = parts[1];
            }
        }

        return new RecordBinding(
            string.Equals(ModelNode.Extension(process, "lockRecord"), "true", StringComparison.OrdinalIgnoreCase),
            ModelNode.Extension(process, "statusField"),
            values,
            ModelNode.Extension(process, "entity") is { Length: > 0 } entity ? entity.Trim().ToLowerInvariant() : null,
            ModelNode.Extension(process, "submitWhen") is { Length: > 0 } when ? when.Trim() : null);
    }

    /// <summary>What is wrong with the attributes as written; null when nothing.</summary>
    public static Refusal? Problem(XElement process)
    {
        if (ModelNode.Extension(process, "lockRecord") is { } lockRecord && lockRecord is not ("true" or "false"))
        {
            return new Refusal(BpmnProblem.LockRecordInvalid, $"platform:lockRecord is '{lockRecord}'; give true or false.", lockRecord);
        }

        foreach (var pair in (ModelNode.Extension(process, "statusValues") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !Statuses.Contains(parts[0]) || parts[1].Length == 0)
            {
                return new Refusal(BpmnProblem.StatusValuesInvalid, $"platform:statusValues has '{pair}'; write status:value pairs separated by commas, the statuses being {string.Join(", ", Statuses)}.", pair, string.Join(", ", Statuses));
            }
        }

        if (ModelNode.Extension(process, "submitWhen") is { } submitWhen)
        {
            if (ModelNode.Extension(process, "entity") is null)
            {
                return new Refusal(BpmnProblem.SubmitWhenNeedsEntity, "platform:submitWhen needs platform:entity, the records it is asked of.");
            }

            if (Rules.ScriptCompiler.Compile("submitWhen", WorkflowCondition.Script(submitWhen), Rules.ScriptShape.Expression, out var error) is null)
            {
                return new Refusal(BpmnProblem.ScriptNotParsing, $"platform:submitWhen is not JavaScript that parses ({error}).", $"{error!.Line}", $"{error.Column}", error.Message);
            }
        }

        return ModelNode.Extension(process, "statusValues") is not null && ModelNode.Extension(process, "statusField") is null
            ? new Refusal(BpmnProblem.StatusValuesNeedField, "platform:statusValues needs platform:statusField, the field they are written to.")
            : null;
    }

    /// <summary>The value the status field shows for a request in <paramref name="status"/>.</summary>
    public string ValueFor(string status) => StatusValues.GetValueOrDefault(status, status);
}
