namespace Platform.Core.Metadata;

/// <summary>
/// A combination of fields no two records may share (组合排重), e.g. product code + name + spec.
/// Records with an empty field in the key are not compared (as in SQL unique indexes).
/// </summary>
public sealed class UniqueKey
{
    public string Name { get; set; } = "";

    public List<string> Fields { get; set; } = [];
}
