namespace Platform.Workflows;

/// <summary>A deployed version of a process with the BPMN file it came from.</summary>
public sealed record DeployedFile(long Id, string Key, int Version, string Xml, DateTimeOffset DeployedAt, string DeployedBy);
