namespace Platform.Bpmn.Runtime;

/// <summary>Who and when a step runs for: the time (from the engine's clock) and the acting user as scripts see them.</summary>
public sealed record StepContext(DateTimeOffset Now, string? ActorId, IReadOnlyDictionary<string, object?> User, string? Initiator)
{
    /// <summary>The instance the step runs (it names webhook calls so receivers can tell retries apart).</summary>
    public Guid InstanceId { get; init; }
}
