namespace Platform.Core.Metadata;

/// <summary>A problem in a metadata document, located by its JSON path (<c>$.fields[2].name</c>).</summary>
public sealed record MetadataError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
