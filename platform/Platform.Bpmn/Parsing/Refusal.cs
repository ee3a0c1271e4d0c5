namespace Platform.Bpmn.Parsing;

/// <summary>
/// Why something written in a file cannot run: the English message (logs, API), and the code and arguments the
/// modeler shows in the reader's language (<c>Workflows.Problem.{Code}</c>).
/// </summary>
public sealed record Refusal(string Code, string Message, params string[] Arguments)
{
    /// <summary>The refusal placed on an element (by id) at a line of the file.</summary>
    public BpmnProblem At(string? elementId, string where) => new(elementId, where, Message) { Code = Code, Arguments = Arguments };
}
