namespace Platform.Records.Query;

/// <summary>One page of query results; <see cref="NextSkip"/> is set when the server cut the page short.</summary>
public sealed record RecordPage(IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows, long? Count, long? NextSkip);
