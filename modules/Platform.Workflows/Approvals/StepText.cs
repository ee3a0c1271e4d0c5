using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Workflows.Approvals;

namespace Platform.Workflows.Approvals;

/// <summary>How the designer describes a step in a line: whom it goes to and how they sign, what a branch tests, what an action does.</summary>
public static class StepText
{
    public static string Summary(IStringLocalizer l, DesignerState state, ApprovalStep step) => step switch
    {
        ApproveStep approve => approve.Mode == SignMode.One
            ? Who(l, state, approve.Who)
            : l[$"Workflows.Designer.Mode.{approve.Mode}.Short", Who(l, state, approve.Who)],
        CopyStep copy => l["Workflows.Designer.CopyTo", Who(l, state, copy.Who)],
        ActionStep { Action: ActionKind.SetField, Set: { } set } => l["Workflows.Designer.SetsField", Field(state, set.Field), Value(l, state, set)],
        ActionStep { Action: ActionKind.CreateRecord } create => l["Workflows.Designer.CreatesRecord", create.Entity ?? "?"],
        _ => l["Workflows.Designer.Incomplete"],
    };

    public static string Who(IStringLocalizer l, DesignerState state, PeopleChoice who) => who.Kind switch
    {
        PeopleKind.People when who.People.Count > 0 => string.Join("、", who.People.Select(p => state.People.FirstOrDefault(e => e.Detail == p)?.Name ?? p)),
        PeopleKind.Role when who.Role is { Length: > 0 } role => l["Workflows.Designer.Who.RoleNamed", role],
        PeopleKind.Manager => who.Level == 1 ? l["Workflows.Designer.Who.Manager"] : l["Workflows.Designer.Who.ManagerLevel", who.Level],
        PeopleKind.DepartmentManager => l["Workflows.Designer.Who.DepartmentManager"],
        PeopleKind.RoleInDepartment when who.Role is { Length: > 0 } role => l["Workflows.Designer.Who.RoleInDepartmentNamed", role],
        PeopleKind.Submitter => l["Workflows.Designer.Who.Submitter"],
        _ => l["Workflows.Designer.Incomplete"],
    };

    public static string Conditions(IStringLocalizer l, DesignerState state, IReadOnlyList<FieldCondition> conditions) =>
        conditions.Count == 0
            ? l["Workflows.Designer.NoConditions"]
            : string.Join(l["Workflows.Designer.And"], conditions.Select(c => c.Operator is ConditionOperator.IsEmpty or ConditionOperator.IsNotEmpty
                ? $"{Field(state, c.Field)} {l[$"Workflows.Designer.Operator.{c.Operator}"]}"
                : $"{Field(state, c.Field)} {l[$"Workflows.Designer.Operator.{c.Operator}"]} {Shown(l, state, c.Field, c.Value)}"));

    private static string Field(DesignerState state, string name) => state.Fields.FirstOrDefault(f => f.Name == name)?.Label ?? name;

    private static string Value(IStringLocalizer l, DesignerState state, FieldValue value) =>
        value.FromField is { Length: > 0 } from ? l["Workflows.Designer.FromField", Field(state, from)] : Shown(l, state, value.Field, value.Value);

    /// <summary>A value as people read it: a choice's label, a percentage, yes/no.</summary>
    private static string Shown(IStringLocalizer l, DesignerState state, string field, string? value)
    {
        var known = state.Fields.FirstOrDefault(f => f.Name == field);
        if (known is null || value is null)
        {
            return value ?? "";
        }

        if (known.Choices.FirstOrDefault(c => c.Value == value) is { Label: { } label })
        {
            return label;
        }

        if (known.IsPercent && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var fraction))
        {
            return (fraction * 100m).ToString("0.##", CultureInfo.CurrentCulture) + "%";
        }

        return known.ValueKind == ValueKind.YesNo ? l[value == "true" ? "Workflows.Designer.Yes" : "Workflows.Designer.No"] : value;
    }
}
