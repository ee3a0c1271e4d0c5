namespace Platform.Data.Files;

/// <summary>Where the bytes of files are kept: written as a stream, read as a stream, removed.</summary>
internal interface IFileContents
{
    /// <summary><see cref="FileStores"/>: the name kept with each file.</summary>
    string Name { get; }

    /// <summary>Starts writing a new file; disposing the writer without <see cref="IFileContentWriter.CompleteAsync"/> leaves nothing behind.</summary>
    IFileContentWriter Create(Guid id, DateTimeOffset now);

    Task<Stream> OpenAsync(Platform.Records.Files.StoredFile file, CancellationToken cancellationToken);

    Task DeleteAsync(Platform.Records.Files.StoredFile file, CancellationToken cancellationToken);
}

/// <summary>A file being written.</summary>
internal interface IFileContentWriter : IAsyncDisposable
{
    /// <summary>Where the bytes are (the disk store's relative path; empty in the database).</summary>
    string Path { get; }

    Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    Task CompleteAsync(CancellationToken cancellationToken);
}
