namespace Platform.Records.Query.Aggregation;

/// <summary>
/// A question the aggregation cannot answer, with where in it (<c>groups[1].field</c>) and a code with arguments for the
/// message in the reader's language (<c>Reports.Error.UnknownField</c>); <see cref="Exception.Message"/> says it in English.
/// </summary>
public sealed class AggregateRefusedException(string path, string code, string message, params object[] arguments) : Exception(message)
{
    public string Path { get; } = path;

    public string Code { get; } = code;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
