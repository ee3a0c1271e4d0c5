namespace Platform.Bpmn.Activities.Tasks;

/// <summary>The key of the process a call activity runs (it may hold <c>${…}</c>).</summary>
public sealed record CallActivitySettings(string? CalledElement);
