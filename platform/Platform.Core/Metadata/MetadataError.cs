namespace Platform.Core.Metadata;

/// <summary>
/// A problem in a metadata document, located by its JSON path (<c>$.fields[2].name</c>). The message
/// is English; <see cref="Code"/> and <see cref="Arguments"/>, when set, let a page show it in the
/// reader's language (the text key <c>Metadata.{Code}</c> formatted with the arguments).
/// </summary>
public sealed record MetadataError(string Path, string Message)
{
    public string? Code { get; init; }

    public IReadOnlyList<object?> Arguments { get; init; } = [];

    /// <summary>A problem with its code and arguments, so pages can say it in the reader's language.</summary>
    public static MetadataError Coded(string path, string code, string message, params object?[] arguments) =>
        new(path, message) { Code = code, Arguments = arguments };

    public override string ToString() => $"{Path}: {Message}";
}
