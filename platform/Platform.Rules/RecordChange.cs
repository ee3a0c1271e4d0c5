namespace Platform.Rules;

/// <summary>A change an after-save script asked for: a record to create (no <see cref="Id"/>) or to update.</summary>
public sealed record RecordChange(string Entity, string? Id, IReadOnlyDictionary<string, object?> Values);
