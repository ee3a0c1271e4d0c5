using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Workflows.Approvals;

/// <summary>What must hold before a chain compiles: names and ids that are safe in BPMN and scripts, and every step complete.</summary>
public static partial class ApprovalChainCheck
{
    public static List<ChainProblem> Problems(ApprovalChain chain)
    {
        var problems = new List<ChainProblem>();
        if (!KeyPattern().IsMatch(chain.Key))
        {
            problems.Add(new(null, "Key", chain.Key));
        }

        if (chain.Name.IsBlank)
        {
            problems.Add(new(null, "Name"));
        }

        if (!Identifier().IsMatch(chain.Entity))
        {
            problems.Add(new(null, "Entity"));
        }

        if (chain.StatusField is { Length: > 0 } status && !Identifier().IsMatch(status))
        {
            problems.Add(new(null, "Field", status));
        }

        if (!chain.AllSteps().OfType<ApproveStep>().Any())
        {
            problems.Add(new(null, "NoApprover"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { ApprovalChainCompiler.StartId, ApprovalChainCompiler.EndId };
        foreach (var step in chain.AllSteps())
        {
            if (!Identifier().IsMatch(step.Id) || step.Id.EndsWith(ApprovalChainCompiler.JoinSuffix, StringComparison.Ordinal) || !seen.Add(step.Id))
            {
                problems.Add(new(step.Id, "StepId", step.Id));
            }

            problems.AddRange(StepProblems(step));
        }

        return problems;
    }

    private static IEnumerable<ChainProblem> StepProblems(ApprovalStep step)
    {
        switch (step)
        {
            case ApproveStep approve:
                foreach (var problem in WhoProblems(step.Id, approve.Who))
                {
                    yield return problem;
                }

                if (approve.Mode != SignMode.One && (approve.Who.Kind != PeopleKind.People || approve.Who.People.Count < 2))
                {
                    yield return new(step.Id, "SignNeedsPeople");
                }

                foreach (var field in approve.EditableFields.Where(f => !Identifier().IsMatch(f)))
                {
                    yield return new(step.Id, "Field", field);
                }

                break;
            case CopyStep copy:
                foreach (var problem in WhoProblems(step.Id, copy.Who))
                {
                    yield return problem;
                }

                break;
            case BranchStep branch:
                if (branch.Branches.Count == 0)
                {
                    yield return new(step.Id, "NoBranch");
                }

                foreach (var (condition, index) in branch.Branches.Select((b, i) => (b, i)))
                {
                    if (condition.Conditions.Count == 0)
                    {
                        yield return new(step.Id, "NoCondition", (index + 1).ToString(CultureInfo.InvariantCulture));
                    }

                    foreach (var problem in condition.Conditions.SelectMany(c => ConditionProblems(step.Id, c)))
                    {
                        yield return problem;
                    }
                }

                break;
            case ActionStep { Action: ActionKind.SetField } set:
                if (set.Set is null)
                {
                    yield return new(step.Id, "NoValue");
                }
                else
                {
                    foreach (var problem in ValueProblems(step.Id, set.Set))
                    {
                        yield return problem;
                    }
                }

                break;
            case ActionStep create:
                if (!Identifier().IsMatch(create.Entity ?? ""))
                {
                    yield return new(step.Id, "Entity");
                }

                foreach (var problem in create.Values.SelectMany(v => ValueProblems(step.Id, v)))
                {
                    yield return problem;
                }

                break;
        }
    }

    private static IEnumerable<ChainProblem> WhoProblems(string stepId, PeopleChoice who)
    {
        switch (who.Kind)
        {
            case PeopleKind.People when who.People.Count == 0 || who.People.Any(p => string.IsNullOrWhiteSpace(p) || p.Contains(',', StringComparison.Ordinal)):
                yield return new(stepId, "NoPeople");
                break;
            case PeopleKind.Role or PeopleKind.RoleInDepartment when string.IsNullOrWhiteSpace(who.Role) || who.Role.Contains(',', StringComparison.Ordinal):
                yield return new(stepId, "NoRole");
                break;
            case PeopleKind.Manager when who.Level is < 1 or > 10:
                yield return new(stepId, "Level", who.Level.ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    private static IEnumerable<ChainProblem> ConditionProblems(string stepId, FieldCondition condition)
    {
        if (!Identifier().IsMatch(condition.Field))
        {
            yield return new(stepId, "Field", condition.Field);
        }

        if (condition.Operator is ConditionOperator.IsEmpty or ConditionOperator.IsNotEmpty)
        {
            yield break;
        }

        if (Literal(condition.Value, condition.ValueKind) is null)
        {
            yield return new(stepId, "Value", condition.Field, condition.Value ?? "");
        }
    }

    private static IEnumerable<ChainProblem> ValueProblems(string stepId, FieldValue value)
    {
        if (!Identifier().IsMatch(value.Field))
        {
            yield return new(stepId, "Field", value.Field);
        }

        if (value.FromField is { Length: > 0 } from)
        {
            if (!Identifier().IsMatch(from))
            {
                yield return new(stepId, "Field", from);
            }
        }
        else if (Literal(value.Value, value.ValueKind) is null)
        {
            yield return new(stepId, "Value", value.Field, value.Value ?? "");
        }
    }

    /// <summary>A value as a JavaScript literal: a number, true/false, or a quoted string (JSON's quoting, safe in scripts); null when it does not read as its kind.</summary>
    internal static string? Literal(string? value, ValueKind kind) => kind switch
    {
        ValueKind.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number.ToString(CultureInfo.InvariantCulture) : null,
        ValueKind.YesNo => value switch { "true" => "true", "false" => "false", _ => null },
        _ => value is null ? null : System.Text.Json.JsonSerializer.Serialize(value),
    };

    /// <summary>A field or entity name, a step id: safe as a BPMN id and after <c>record.</c> in a script.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    internal static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
