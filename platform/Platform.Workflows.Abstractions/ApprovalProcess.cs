namespace Platform.Workflows;

/// <summary>A process records of an entity can be submitted to from their form (<c>platform:entity</c>): its key, latest version (and its id) and name in the reader's language.</summary>
public sealed record ApprovalProcess(string Key, int Version, string Name, long DefinitionId);
