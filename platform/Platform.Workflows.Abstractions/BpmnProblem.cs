namespace Platform.Workflows;

/// <summary>
/// One thing wrong with a BPMN file: the element it concerns (by id when it has one), where, and why — and,
/// for the refusals modelers meet most, a <see cref="Code"/> the modeler shows in the user's language, filled with <see cref="Arguments"/>.
/// </summary>
public sealed record BpmnProblem(string? ElementId, string Where, string Message)
{
    public const string Unsupported = "Unsupported";
    public const string UnsupportedEvent = "UnsupportedEvent";
    public const string NotXml = "NotXml";
    public const string TooLarge = "TooLarge";
    public const string Dtd = "Dtd";
    public const string UnknownEntity = "UnknownEntity";
    public const string UnknownStatusField = "UnknownStatusField";
    public const string UnknownEditableField = "UnknownEditableField";

    public string? Code { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public override string ToString() => ElementId is null ? $"{Where}: {Message}" : $"{ElementId} ({Where}): {Message}";
}
