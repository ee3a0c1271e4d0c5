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
/// "submit for approval" with this process.
/// </summary>
public sealed record RecordBinding(bool LockRecord, string? StatusField, IReadOnlyDictionary<string, string> StatusValues, string? Entity = null)
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
            ModelNode.Extension(process, "entity") is { Length: > 0 } entity ? entity.Trim().ToLowerInvariant() : null);
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

        return ModelNode.Extension(process, "statusValues") is not null && ModelNode.Extension(process, "statusField") is null
            ? new Refusal(BpmnProblem.StatusValuesNeedField, "platform:statusValues needs platform:statusField, the field they are written to.")
            : null;
    }

    /// <summary>The value the status field shows for a request in <paramref name="status"/>.</summary>
    public string ValueFor(string status) => StatusValues.GetValueOrDefault(status, status);
}
