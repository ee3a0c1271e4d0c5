namespace Platform.Workflows.Runtime;

/// <summary>Who and when a step runs for: the time (from the engine's clock) and the acting user as scripts see them.</summary>
public sealed record StepContext(DateTimeOffset Now, string? ActorId, IReadOnlyDictionary<string, object?> User, string? Initiator);
