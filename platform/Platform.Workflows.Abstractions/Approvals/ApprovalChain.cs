using Platform.Core.Metadata;

namespace Platform.Workflows.Approvals;

/// <summary>
/// An approval as an analyst builds it in the approval designer: for records of one entity, a vertical
/// chain of steps — approvers, copies to people, condition branches, automatic actions — with how the
/// record is treated while it runs. It compiles to one BPMN process (<see cref="ApprovalChainCompiler"/>)
/// that the engine runs and the modeler opens; the chain itself travels inside that file.
/// </summary>
public sealed class ApprovalChain
{
    /// <summary>The process key (the BPMN process id): letters, digits and underscores.</summary>
    public string Key { get; set; } = "";

    public LocalizedText Name { get; set; } = new();

    /// <summary>The entity whose records are submitted to it from their form.</summary>
    public string Entity { get; set; } = "";

    /// <summary>People may not change or delete the record while it is in approval.</summary>
    public bool LockRecord { get; set; } = true;

    /// <summary>A choice field of the entity that follows the request (optional).</summary>
    public string? StatusField { get; set; }

    /// <summary>Per request status (running, returned, completed, rejected, withdrawn, cancelled), the status field's value.</summary>
    public Dictionary<string, string> StatusValues { get; set; } = [];

    public List<ApprovalStep> Steps { get; set; } = [];

    /// <summary>Every step, branches' steps included, in order.</summary>
    public IEnumerable<ApprovalStep> AllSteps() => Flatten(Steps);

    private static IEnumerable<ApprovalStep> Flatten(IEnumerable<ApprovalStep> steps)
    {
        foreach (var step in steps)
        {
            yield return step;
            if (step is BranchStep branch)
            {
                foreach (var inner in branch.Branches.SelectMany(b => Flatten(b.Steps)).Concat(Flatten(branch.Otherwise)))
                {
                    yield return inner;
                }
            }
        }
    }
}
