namespace Platform.Records.Packages;

/// <summary>What loading a package's samples did: records created per entity, or why nothing was.</summary>
public sealed record SampleDataReport(IReadOnlyDictionary<string, int> Created, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static SampleDataReport Refused(string problem) => Failed([problem]);

    public static SampleDataReport Failed(IReadOnlyList<string> problems) => new(new Dictionary<string, int>(), problems);
}
