namespace Platform.Workflows.Approvals;

/// <summary>
/// Something an approval chain cannot be saved with: the step it concerns (none for the chain's own
/// settings), a code the designer shows in the user's language (<c>Workflows.Designer.Problem.{Code}</c>)
/// filled with <see cref="Arguments"/>.
/// </summary>
public sealed record ChainProblem(string? StepId, string Code, IReadOnlyList<string> Arguments)
{
    public ChainProblem(string? stepId, string code, params string[] arguments) : this(stepId, code, (IReadOnlyList<string>)arguments)
    {
    }
}
