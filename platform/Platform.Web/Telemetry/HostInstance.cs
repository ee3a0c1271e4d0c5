namespace Platform.Web.Telemetry;

/// <summary>Which host this is, as logs, metrics and traces name it: machine and process, unique among the hosts of one database.</summary>
public sealed record HostInstance(string Id)
{
    public static HostInstance Current { get; } = new($"{Environment.MachineName}/{Environment.ProcessId}");
}
