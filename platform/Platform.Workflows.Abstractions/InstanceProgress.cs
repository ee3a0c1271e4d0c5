namespace Platform.Workflows;

/// <summary>
/// Where an instance is on its diagram: the elements it passed, those where tokens wait now, those where it
/// stopped with an incident (and why), and its variables as JSON text — for the live instance view.
/// </summary>
public sealed record InstanceProgress(
    IReadOnlyList<string> Visited, IReadOnlyList<string> Active, IReadOnlyList<string> Incidents, IReadOnlyDictionary<string, string> Variables, string Xml);
