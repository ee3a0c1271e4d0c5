namespace Platform.Workflows;

/// <summary>One thing wrong with a BPMN file: the element it concerns (by id when it has one), where, and why.</summary>
public sealed record BpmnProblem(string? ElementId, string Where, string Message)
{
    public override string ToString() => ElementId is null ? $"{Where}: {Message}" : $"{ElementId} ({Where}): {Message}";
}
