namespace Platform.Workflows;

/// <summary>One deployed version of a process, as the process list shows it.</summary>
public sealed record DeployedProcess(string Key, int Version, string? Name, DateTimeOffset DeployedAt, string DeployedBy);
