namespace Platform.Records.Query.Spreadsheets;

/// <summary>Writes an export row by row to a stream, so a large list never sits in memory whole.</summary>
public interface IExportWriter : IAsyncDisposable
{
    string ContentType { get; }

    string Extension { get; }

    Task WriteHeadingsAsync(IReadOnlyList<string> headings, CancellationToken cancellationToken);

    Task WriteRowAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken);

    Task CompleteAsync(CancellationToken cancellationToken);
}
