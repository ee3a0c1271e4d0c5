namespace Platform.Core.Metadata;

/// <summary>An index over several fields, e.g. customer + order date for "this customer's orders, newest first".</summary>
public sealed class IndexDefinition
{
    public string Name { get; set; } = "";

    public List<string> Fields { get; set; } = [];
}
