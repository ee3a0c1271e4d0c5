using Platform.Core.Metadata;
using Platform.Workflows.Approvals;

namespace Platform.Workflows.Approvals;

/// <summary>What the approval designer can add between two steps.</summary>
public enum NewStepKind
{
    Approve,
    Copy,
    Branch,
    Action,
}

/// <summary>
/// The approval designer's edits on a chain, kept apart from the page so they are tested on their own:
/// add a step (with a fresh id and a name in both languages), move it up or down within its list, remove
/// it (wherever it sits, inside branches too), and add or remove a branch.
/// </summary>
public static class ChainEditing
{
    /// <summary>A new step of <paramref name="kind"/> with an id no step of the chain has.</summary>
    public static ApprovalStep NewStep(ApprovalChain chain, NewStepKind kind)
    {
        var number = 1 + chain.AllSteps().Count(s => Kind(s) == kind);
        ApprovalStep step = kind switch
        {
            NewStepKind.Approve => new ApproveStep { Name = LocalizedText.Of($"审批 {number}", $"Approval {number}") },
            NewStepKind.Copy => new CopyStep { Name = LocalizedText.Of($"抄送 {number}", $"Copy {number}") },
            NewStepKind.Branch => new BranchStep
            {
                Name = LocalizedText.Of($"条件 {number}", $"Condition {number}"),
                Branches = [new ConditionBranch { Name = LocalizedText.Of("条件 1", "Condition 1") }],
            },
            _ => new ActionStep { Name = LocalizedText.Of($"自动操作 {number}", $"Action {number}") },
        };
        var prefix = kind.ToString().ToLowerInvariant();
        var ids = chain.AllSteps().Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        while (ids.Contains($"{prefix}_{number}"))
        {
            number++;
        }

        step.Id = $"{prefix}_{number}";
        return step;
    }

    /// <summary>Puts <paramref name="step"/> at <paramref name="index"/> of <paramref name="steps"/> (clamped to the list).</summary>
    public static void Insert(List<ApprovalStep> steps, int index, ApprovalStep step) => steps.Insert(Math.Clamp(index, 0, steps.Count), step);

    /// <summary>Moves a step one place up (-1) or down (+1) within the list that holds it; false at either end.</summary>
    public static bool Move(ApprovalChain chain, ApprovalStep step, int delta)
    {
        if (ListOf(chain, step) is not { } steps)
        {
            return false;
        }

        var index = steps.IndexOf(step);
        var target = index + delta;
        if (target < 0 || target >= steps.Count)
        {
            return false;
        }

        steps.RemoveAt(index);
        steps.Insert(target, step);
        return true;
    }

    /// <summary>Removes a step (a branch with everything in it); false when the chain has no such step.</summary>
    public static bool Remove(ApprovalChain chain, ApprovalStep step) => ListOf(chain, step)?.Remove(step) == true;

    /// <summary>Adds a condition branch before the otherwise branch.</summary>
    public static ConditionBranch AddBranch(BranchStep step)
    {
        var number = step.Branches.Count + 1;
        var branch = new ConditionBranch { Name = LocalizedText.Of($"条件 {number}", $"Condition {number}") };
        step.Branches.Add(branch);
        return branch;
    }

    /// <summary>Removes a condition branch and its steps; the last branch stays (a branch step needs one).</summary>
    public static bool RemoveBranch(BranchStep step, ConditionBranch branch) => step.Branches.Count > 1 && step.Branches.Remove(branch);

    /// <summary>The list that holds <paramref name="step"/>: the chain's, a branch's or an otherwise list.</summary>
    public static List<ApprovalStep>? ListOf(ApprovalChain chain, ApprovalStep step) => Find(chain.Steps, step);

    private static List<ApprovalStep>? Find(List<ApprovalStep> steps, ApprovalStep step)
    {
        if (steps.Contains(step))
        {
            return steps;
        }

        foreach (var branch in steps.OfType<BranchStep>())
        {
            if (branch.Branches.Select(b => Find(b.Steps, step)).Append(Find(branch.Otherwise, step)).FirstOrDefault(l => l is not null) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static NewStepKind Kind(ApprovalStep step) => step switch
    {
        ApproveStep => NewStepKind.Approve,
        CopyStep => NewStepKind.Copy,
        BranchStep => NewStepKind.Branch,
        _ => NewStepKind.Action,
    };
}
