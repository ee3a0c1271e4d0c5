using Platform.Records.People;
using Platform.Workflows.Approvals;

namespace Platform.Workflows.Approvals;

/// <summary>
/// What the approval designer's pieces share while an analyst edits one chain: the chain, the step (or
/// branch) selected for editing, the entity's fields, the roles and people to pick from, the problems of
/// the last save, and one event that tells the page to draw again.
/// </summary>
public sealed class DesignerState(ApprovalChain chain)
{
    public ApprovalChain Chain { get; } = chain;

    public ApprovalStep? Selected { get; private set; }

    /// <summary>For a selected branch step: which of its condition branches is edited (null: the step's own name).</summary>
    public ConditionBranch? SelectedBranch { get; private set; }

    public IReadOnlyList<DesignerField> Fields { get; set; } = [];

    /// <summary>The entity's fields an approver step may let its approver change (lines and files too).</summary>
    public IReadOnlyList<DesignerField> ChangeableFields { get; set; } = [];

    public IReadOnlyList<string> Roles { get; set; } = [];

    /// <summary>People to pick: display name and user name.</summary>
    public IReadOnlyList<DirectoryEntry> People { get; set; } = [];

    public IReadOnlyList<ChainProblem> Problems { get; set; } = [];

    /// <summary>Something changed: the page draws again (and the chain has unsaved changes).</summary>
    public event Action? Changed;

    public bool HasChanges { get; private set; }

    public void Select(ApprovalStep? step, ConditionBranch? branch = null)
    {
        (Selected, SelectedBranch) = (step, branch);
        Changed?.Invoke();
    }

    public void Add(List<ApprovalStep> steps, int index, NewStepKind kind)
    {
        var step = ChainEditing.NewStep(Chain, kind);
        ChainEditing.Insert(steps, index, step);
        Selected = step;
        SelectedBranch = null;
        Edited();
    }

    public void Move(ApprovalStep step, int delta)
    {
        if (ChainEditing.Move(Chain, step, delta))
        {
            Edited();
        }
    }

    public void Remove(ApprovalStep step)
    {
        if (ChainEditing.Remove(Chain, step))
        {
            Selected = null;
            SelectedBranch = null;
            Edited();
        }
    }

    public void AddBranch(BranchStep step)
    {
        SelectedBranch = ChainEditing.AddBranch(step);
        Selected = step;
        Edited();
    }

    public void RemoveBranch(BranchStep step, ConditionBranch branch)
    {
        if (ChainEditing.RemoveBranch(step, branch))
        {
            SelectedBranch = null;
            Edited();
        }
    }

    /// <summary>A value was edited in place (a name, a person, a condition).</summary>
    public void Edited()
    {
        HasChanges = true;
        Changed?.Invoke();
    }

    public void Saved()
    {
        HasChanges = false;
        Changed?.Invoke();
    }

    public bool HasProblem(ApprovalStep step) => Problems.Any(p => p.StepId == step.Id);
}
