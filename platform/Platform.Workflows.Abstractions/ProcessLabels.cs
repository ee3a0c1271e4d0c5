namespace Platform.Workflows;

/// <summary>What a process version and its elements are called in one language, for timelines and task lists (an element without a name shows its id).</summary>
public sealed record ProcessLabels(string Process, IReadOnlyDictionary<string, string> Elements)
{
    public string Element(string? id) => id is null ? "" : Elements.GetValueOrDefault(id, id);
}
