using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Activities.Tasks;

/// <summary>
/// A user task's settings: who gets it, what rejecting it does (<c>platform:onReject</c>: end, continue,
/// initiator or the id of an earlier task), and the fields of the bound record its approver may change
/// while the approval holds the record (<c>platform:editableFields="discount, remark"</c>).
/// </summary>
public sealed record UserTaskSettings(TaskAssignment Assignment, string? OnReject)
{
    public IReadOnlyList<string> EditableFields { get; init; } = [];

    public static IReadOnlyList<string> FieldList(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
